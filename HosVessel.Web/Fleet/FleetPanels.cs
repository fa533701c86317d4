namespace HosVessel.Web.Fleet;

public sealed record ArrivalRow(FleetShip Ship, DateTime Eta, string? Etb, string? Port, string? Line, bool IsPast);

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>The last inspection under <paramref name="Regime"/>, or null for none; <paramref name="IsDue"/> when older than the limit.</summary>
public sealed record RegimeInspection(PscRegime Regime, DateOnly? Last, bool IsDue);

public sealed record PscRow(FleetShip Ship, string Port, string Country, IReadOnlyList<RegimeInspection> Inspections, DateTime? Eta);

public sealed record CrewReliefRow(FleetShip Ship, string Role, string Person, DateOnly Since, int DaysAboard, string? NextPort, DateTime? Eta);

public sealed record AuditRow(FleetShip Ship, DateOnly LastAudit, DateOnly Due, int DaysLeft);

/// <summary>
/// One data-quality list: its size and its first <see cref="ShipsKept"/> ships in register order. A register of
/// 100,000 unaudited ships is a count and a start, not 100,000 rows in memory and on the page.
/// </summary>
public sealed record QualityGroup(IReadOnlyList<FleetShip> Ships, int Count)
{
    public const int ShipsKept = 200;

    /// <summary>True when the list holds fewer ships than <see cref="Count"/>.</summary>
    public bool IsCut => Ships.Count < Count;
}

/// <summary>What an admin should fix in the data; always over the whole fleet.</summary>
public sealed record DataQualityReport(QualityGroup UnknownFeedNames, QualityGroup MissingFromPush, QualityGroup BadImo, QualityGroup NoAuditDate)
{
    public int Total => UnknownFeedNames.Count + MissingFromPush.Count + BadImo.Count + NoAuditDate.Count;
}

/// <summary>
/// The home page's answers, computed from the current voyages and the register (never the history), so the
/// page costs the same however long the history grows.
/// </summary>
public sealed record FleetOverview(
    IReadOnlyList<ArrivalRow> Arrivals, IReadOnlyList<DayCount> ArrivalsPerDay, IReadOnlyList<PscRow> PscDue,
    IReadOnlyList<CrewReliefRow> CrewRelief, IReadOnlyList<AuditRow> AuditDue)
{
    public static FleetOverview Build(IReadOnlyList<FleetShip> ships, DateTime nowKst, FleetOptions options)
    {
        var today = DateOnly.FromDateTime(nowKst);
        var arrivals = new List<ArrivalRow>();
        var perDay = new int[options.ArrivalChartDays];
        var psc = new List<PscRow>();
        var crew = new List<CrewReliefRow>();
        var audits = new List<AuditRow>();
        var inspectionLimit = today.AddMonths(-options.PscInspectionMonths);
        foreach (var ship in ships)
        {
            var voyage = ship.Voyage;
            var eta = FeedValues.KstTime(voyage?.NextEta);
            if (voyage is not null && eta is { } arrival)
            {
                // Past ETAs stay listed (marked) for as long as they would have been ahead: the ship has not reported arriving.
                if (arrival < nowKst.AddDays(options.ArrivalDays) && arrival >= nowKst.AddDays(-options.ArrivalDays))
                {
                    arrivals.Add(new ArrivalRow(ship, arrival, voyage.NextEtb, voyage.NextPort, voyage.Line, arrival < nowKst));
                }
                var day = DateOnly.FromDateTime(arrival).DayNumber - today.DayNumber;
                if (day >= 0 && day < perDay.Length)
                {
                    perDay[day]++;
                }
            }
            if (voyage is not null && PscExposure(ship, voyage.NextPort, eta, inspectionLimit) is { } exposure)
            {
                psc.Add(exposure);
            }
            if (voyage is not null)
            {
                AddCrew(crew, ship, "선장", voyage.Captain, today, eta, options);
                AddCrew(crew, ship, "기관장", voyage.ChiefEngineer, today, eta, options);
            }
            if (AuditDueRow(ship, today, options) is { } audit)
            {
                audits.Add(audit);
            }
        }
        return new FleetOverview(
            [.. arrivals.OrderBy(a => a.Eta).ThenBy(a => a.Ship.Name, StringComparer.Ordinal)],
            [.. perDay.Select((count, i) => new DayCount(today.AddDays(i), count))],
            [.. psc.OrderBy(p => p.Eta ?? DateTime.MaxValue).ThenBy(p => p.Ship.Name, StringComparer.Ordinal)],
            [.. crew.OrderByDescending(c => c.DaysAboard)],
            [.. audits.OrderBy(a => a.Due)]);
    }

    /// <summary>The ship's row in #audit-due on <paramref name="today"/>, or null when its audit is not due yet or has no date.</summary>
    public static AuditRow? AuditDueRow(FleetShip ship, DateOnly today, FleetOptions options)
    {
        if (FeedValues.Date(ship.Register?.InternalAudit) is not { } lastAudit)
        {
            return null;
        }
        var due = lastAudit.AddMonths(options.AuditIntervalMonths);
        var daysLeft = due.DayNumber - today.DayNumber;
        return daysLeft <= options.AuditWarningDays ? new AuditRow(ship, lastAudit, due, daysLeft) : null;
    }

    private static PscRow? PscExposure(FleetShip ship, string? port, DateTime? eta, DateOnly inspectionLimit)
    {
        var country = FeedValues.PortCountry(port);
        var regimes = PscRegimes.ForCountry(country);
        if (regimes.Count == 0)
        {
            return null;
        }
        var voyage = ship.Voyage!;
        (string? Mou, string? Date)[] inspections = [(voyage.PscMou1, voyage.PscDate1), (voyage.PscMou2, voyage.PscDate2)];
        var byRegime = regimes.Select(regime =>
        {
            var last = inspections.Where(i => regime.IsNamed(i.Mou)).Select(i => FeedValues.Date(i.Date)).Max();
            return new RegimeInspection(regime, last, last is null || last < inspectionLimit);
        }).ToList();
        return byRegime.Any(r => r.IsDue) ? new PscRow(ship, port!, country!, byRegime, eta) : null;
    }

    private static void AddCrew(List<CrewReliefRow> rows, FleetShip ship, string role, string? entry, DateOnly today, DateTime? eta, FleetOptions options)
    {
        if (FeedValues.CrewMember(entry) is not { } member)
        {
            return;
        }
        var days = today.DayNumber - member.Since.DayNumber;
        if (days > options.CrewReliefDays)
        {
            rows.Add(new CrewReliefRow(ship, role, member.Name, member.Since, days, ship.Voyage!.NextPort, eta));
        }
    }
}
