using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Web;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Fleet;

/// <summary>
/// The app on a clock the test can move (today by default, so feed dates are relative to the real today), with
/// helpers that build feed items and register vessels shaped like the fleet's.
/// </summary>
public sealed class FleetFactory : HosVesselFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Now on the Korean wall clock, as the panels see it.</summary>
    public DateTime NowKst => KoreanTime.Now(Clock).DateTime;

    public DateOnly TodayKst => DateOnly.FromDateTime(NowKst);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A KST time <paramref name="days"/> from now as n8n writes it ("2026-03-21 04:00").</summary>
    public string In(double days) => NowKst.AddDays(days).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string DaysAgo(int days) => TodayKst.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<Vessel> RegisterAsync(string name, string? tic = "CT1", string? internalAudit = "", string? callsign = null)
    {
        var fields = VesselSamples.Valid(name);
        fields.Tic = tic;
        fields.Callsign = callsign;
        fields.InternalAudit = internalAudit == "" ? DaysAgo(90) : internalAudit;
        var store = Services.GetRequiredService<VesselStore>();
        var saved = await store.CreateAsync(fields);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return (await store.FindByIdAsync(saved.Id!.Value))!;
    }
}

/// <summary>One feed item; unset fields are left out, as n8n leaves out what it does not know.</summary>
public sealed record FeedItem(string VesselName)
{
    public string? Line { get; init; } = "FE4";
    public string? Captain { get; init; }
    public string? ChiefEngineer { get; init; }
    public string? SafetySupervisor { get; init; }
    public string? OpsSupervisor { get; init; }
    public string? NextPort { get; init; } = "KRPUS(PNC)";
    public string? NextEta { get; init; }
    public string? Mou1 { get; init; }
    public string? Date1 { get; init; }
    public string? Mou2 { get; init; }
    public string? Date2 { get; init; }

    public JsonObject ToJson() => new()
    {
        ["vessel_name"] = VesselName,
        ["voy_no"] = "0019",
        ["line"] = Line,
        ["captain"] = Captain,
        ["chief_engineer"] = ChiefEngineer,
        ["safety_supervisor"] = SafetySupervisor,
        ["ops_supervisor"] = OpsSupervisor,
        ["psc_inspection"] = new JsonObject { ["mou_1"] = Mou1, ["date_1"] = Date1, ["mou_2"] = Mou2, ["date_2"] = Date2 },
        ["last_port"] = new JsonObject { ["port"] = "SGSIN(PSA)", ["etd"] = null },
        ["next_port"] = new JsonObject { ["port"] = NextPort, ["eta"] = NextEta, ["etb"] = null, ["etd"] = null },
    };

    public static string Push(params FeedItem[] items) => new JsonArray([.. items.Select(i => (JsonNode)i.ToJson())]).ToJsonString();
}

public static partial class Html
{
    /// <summary>The markup of the element with this id up to its closing section (the panels are sections).</summary>
    public static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no #{id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return System.Net.WebUtility.HtmlDecode(html[start..end]);
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    [GeneratedRegex("<[^>]+>")]
    public static partial Regex Tag();
}
