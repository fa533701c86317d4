using HosVessel.Web.Charts;
using HosVessel.Web.Fleet;

namespace HosVessel.Web.Voyages.History;

/// <summary>
/// The model of <c>Pages/Voyage/_VoyageTimeline.cshtml</c>: a ship's latest history, grouped by push, and the
/// current port call's ETA over time.
/// </summary>
public sealed record VoyageTimeline(string VesselName, IReadOnlyList<VoyageEvent> Events, IReadOnlyList<EtaStep> Eta, string? NextPort, DateTimeOffset Now)
{
    public const int Shown = 100;

    /// <summary>Events of one push, newest push first.</summary>
    public IEnumerable<IGrouping<string, VoyageEvent>> ByPush => Events.GroupBy(e => e.At);

    /// <summary>The ETA steps that hold a readable time, for the chart.</summary>
    public IReadOnlyList<SvgChart.Step> ChartSteps { get; } =
        [.. Eta.Where(s => FeedValues.KstTime(s.Eta) is not null).Select(s => new SvgChart.Step(s.From, FeedValues.KstTime(s.Eta)!.Value))];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["voy_no"] = "항차", ["line"] = "항로", ["teu"] = "TEU", ["flag"] = "국적", ["captain"] = "선장",
        ["chief_engineer"] = "기관장", ["safety_supervisor"] = "안전 감독", ["ops_supervisor"] = "운항 감독",
        ["psc_inspection.mou_1"] = "PSC 1 MOU", ["psc_inspection.date_1"] = "PSC 1 검사일",
        ["psc_inspection.mou_2"] = "PSC 2 MOU", ["psc_inspection.date_2"] = "PSC 2 검사일",
        ["last_port.port"] = "직전 항구", ["last_port.etd"] = "직전 항구 ETD",
        ["next_port.port"] = "다음 입항지", ["next_port.eta"] = "ETA", ["next_port.etb"] = "ETB", ["next_port.etd"] = "ETD",
        ["itinerary"] = "항해 일정",
    };

    /// <summary>The Korean label of a field path; unknown paths (a field added later) show as they are.</summary>
    public static string Label(string field) => Labels.GetValueOrDefault(field, field);
}
