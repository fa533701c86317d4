namespace HosVessel.Web.Fleet;

public static class FleetExtensions
{
    /// <summary>The signed-in home page: its thresholds ("Fleet" section), the fleet reader and "내 선박".</summary>
    public static IHostApplicationBuilder AddFleet(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName)
            .Validate(o => o.ArrivalDays >= 1 && o.ArrivalChartDays is >= 1 and <= 60, "Fleet:ArrivalDays must be at least 1 and Fleet:ArrivalChartDays 1 to 60.")
            .Validate(o => o.PscInspectionMonths >= 1 && o.AuditIntervalMonths >= 1, "Fleet:PscInspectionMonths and Fleet:AuditIntervalMonths must be at least 1.")
            .Validate(o => o.CrewReliefDays >= 1 && o.AuditWarningDays >= 0, "Fleet:CrewReliefDays must be at least 1 and Fleet:AuditWarningDays not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FleetReader>();
        builder.Services.AddSingleton<FleetOverviewCache>();
        builder.Services.AddSingleton<MyFleetStore>();
        return builder;
    }
}
