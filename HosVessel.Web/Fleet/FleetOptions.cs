namespace HosVessel.Web.Fleet;

/// <summary>The home page's thresholds, bound from the "Fleet" configuration section.</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>#arrivals lists ETAs up to this many days ahead.</summary>
    public int ArrivalDays { get; set; } = 7;

    /// <summary>The arrivals chart covers this many days, today first.</summary>
    public int ArrivalChartDays { get; set; } = 14;

    /// <summary>#psc-due: a last inspection under the next port's regime older than this counts as none.</summary>
    public int PscInspectionMonths { get; set; } = 12;

    /// <summary>#crew-relief: masters and chief engineers aboard longer than this.</summary>
    public int CrewReliefDays { get; set; } = 180;

    /// <summary>#audit-due: the internal audit is due this many months after the last one...</summary>
    public int AuditIntervalMonths { get; set; } = 12;

    /// <summary>...and is listed from this many days before it is due.</summary>
    public int AuditWarningDays { get; set; } = 30;
}
