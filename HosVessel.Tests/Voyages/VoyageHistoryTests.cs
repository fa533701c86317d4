using System.Text.Json.Nodes;
using HosVessel.Tests.Fleet;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Voyages.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HosVessel.Tests.Voyages;

/// <summary>Issue 13's voyage history through HTTP: pushes in, events out through the API and on the vessel page.</summary>
public sealed class VoyageHistoryTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    [Fact]
    public async Task Two_pushes_that_differ_in_eta_and_master_give_exactly_those_events_and_an_identical_third_gives_none()
    {
        var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI ECOPIA"));
        var client = app.CreateClient();
        var first = new FeedItem(vessel.Name!) { Captain = "이상필 (2026-02-05)", NextEta = app.In(3), NextPort = "GBFXT(GBR)" };
        await client.PushOkAsync(FeedItem.Push(first));
        var afterFirst = await HistoryAsync(client, vessel.Name!);
        Assert.Equal([("feed", "absent", "present")], afterFirst.Select(Triple));

        app.Clock.Advance(TimeSpan.FromHours(1));
        var second = first with { Captain = "김철수 (2026-11-20)", NextEta = app.In(4) };
        await client.PushOkAsync(FeedItem.Push(second));
        var changes = (await HistoryAsync(client, vessel.Name!)).Take(2).OrderBy(e => (string)e["field"]!).ToList();
        Assert.Equal(
            [("captain", "이상필 (2026-02-05)", "김철수 (2026-11-20)"), ("next_port.eta", first.NextEta, second.NextEta)],
            changes.Select(Triple));
        Assert.Equal(3, (await HistoryAsync(client, vessel.Name!)).Count);
        Assert.EndsWith("+09:00", (string)changes[0]["at"]!);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await client.PushOkAsync(FeedItem.Push(second));
        Assert.Equal(3, (await HistoryAsync(client, vessel.Name!)).Count);

        // The vessel page shows the same two changes, newest push first, and the ETA step chart.
        var viewer = await app.LoginAsViewerAsync();
        var page = Html.Section(await viewer.GetStringAsync($"/vessel/{vessel.Id}"), "voyage-history");
        Assert.Contains("선장", page);
        Assert.Contains("김철수 (2026-11-20)", page);
        Assert.Contains(second.NextEta!, page);
        Assert.True(page.IndexOf("김철수", StringComparison.Ordinal) < page.IndexOf("운항 정보에 추가됨", StringComparison.Ordinal), "newest first");
        Assert.Contains("id=\"eta-chart\"", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Contains("1회 변경", page);
    }

    [Fact]
    public async Task A_ship_leaving_and_entering_the_feed_is_an_event_and_a_rejected_push_makes_none()
    {
        var stays = Html.Unique("HMM ALGECIRAS");
        var leaves = Html.Unique("HYUNDAI SMART");
        var client = app.CreateClient();
        await client.PushOkAsync(FeedItem.Push(new FeedItem(stays), new FeedItem(leaves)));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await client.PushOkAsync(FeedItem.Push(new FeedItem(stays)));
        Assert.Equal(("feed", "present", "absent"), Triple((await HistoryAsync(client, leaves))[0]));

        // Item 2 lacks its name: the whole push is refused and the history is untouched.
        var before = await app.QueryScalarAsync<long>("SELECT count(*) FROM voyage_events");
        var rejected = await client.PushAsync($$"""[{"vessel_name": "{{stays}}", "line": "CHANGED"}, {"line": "FE4"}]""");
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(before, await app.QueryScalarAsync<long>("SELECT count(*) FROM voyage_events"));
    }

    [Fact]
    public async Task The_api_matches_names_as_elsewhere_filters_by_since_and_answers_a_signed_in_browser()
    {
        var name = Html.Unique("HYUNDAI BRAVE");
        var client = app.CreateClient();
        await client.PushOkAsync(FeedItem.Push(new FeedItem(name) { NextEta = app.In(2) }));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await client.PushOkAsync(FeedItem.Push(new FeedItem(name) { NextEta = app.In(1) }));

        var alias = "  h/" + name["HYUNDAI ".Length..].ToLowerInvariant() + " ";
        Assert.Equal(2, (await HistoryAsync(client, alias)).Count);
        var since = app.TodayKst.ToString("yyyy-MM-dd");
        Assert.Equal(["next_port.eta"], (await HistoryAsync(client, name, $"&since={since}")).Select(e => (string)e["field"]!));

        var viewer = await app.LoginAsViewerAsync();
        var response = await viewer.GetAsync($"/api/voyages/history?vessel_name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/voyages/history")).StatusCode);
        var badSince = await client.GetWithKeyAsync("/api/voyages/history?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badSince.StatusCode);
        Assert.Contains("since", (string)(await badSince.ReadJsonAsync())["error"]!);
        var unknown = await client.GetWithKeyAsync("/api/voyages/history?vessel_name=NO%20SUCH%20SHIP%20X1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var openApi = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operation = openApi["paths"]!["/api/voyages/history"]!["get"]!;
        Assert.Equal("GetVoyageHistory", (string)operation["operationId"]!);
        Assert.Contains(operation["parameters"]!.AsArray(), p => (string)p!["name"]! == "vessel_name");
    }

    [Fact]
    public async Task The_nightly_prune_removes_events_older_than_the_retention_and_keeps_the_rest()
    {
        var name = Html.Unique("HOS PRUNE");
        var client = app.CreateClient();
        await client.PushOkAsync(FeedItem.Push(new FeedItem(name) { NextEta = app.In(5) }));

        // Two years and a day later the nightly service, woken by the clock at 03:30 KST, drops the entry event.
        app.Clock.Advance(TimeSpan.FromDays(731));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await HistoryAsync(client, name)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Empty(await HistoryAsync(client, name));

        await client.PushOkAsync(FeedItem.Push(new FeedItem(name) { NextEta = app.In(5) }));
        var prune = app.Services.GetServices<IHostedService>().OfType<VoyageHistoryPruneService>().Single();
        Assert.Equal(0, await prune.PruneOnceAsync(730, CancellationToken.None));
        Assert.Equal(["next_port.eta"], (await HistoryAsync(client, name)).Select(e => (string)e["field"]!));
    }

    private static async Task<List<JsonObject>> HistoryAsync(HttpClient client, string name, string query = "")
    {
        var response = await client.GetWithKeyAsync($"/api/voyages/history?vessel_name={Uri.EscapeDataString(name)}{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return [.. JsonNode.Parse(body)!.AsArray().Select(e => e!.AsObject())];
    }

    private static (string, string?, string?) Triple(JsonObject e) => ((string)e["field"]!, (string?)e["old"], (string?)e["new"]);
}
