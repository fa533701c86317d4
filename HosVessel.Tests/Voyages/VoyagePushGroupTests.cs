using System.Globalization;
using System.Text.Json.Nodes;
using HosVessel.Tests.Fleet;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Voyages;

/// <summary>
/// Group commit: pushes that queue while another write holds the gate are written in one transaction. Each still
/// gets what it would have got alone: its answer, its events (compared with the push before it), its feed-log row.
/// The app's clock is frozen here, so the pushes of a group also share one timestamp, the hardest case for the history.
/// </summary>
public sealed class VoyagePushGroupTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    private VoyagePushQueue Queue => app.Services.GetRequiredService<VoyagePushQueue>();

    [Fact]
    public async Task Pushes_queued_behind_a_write_share_one_commit_and_each_gets_its_own_answer_events_and_log_row()
    {
        var registered = await app.RegisterAsync(Html.Unique("HYUNDAI ECOPIA"));
        var unregistered = Html.Unique("H/GLORY");
        var client = app.CreateClient();
        var logBefore = (await app.FeedLogAsync()).Count;
        var first = FeedItem.Push(new FeedItem(registered.Name!) { NextEta = app.In(3) }, new FeedItem(unregistered) { NextEta = app.In(3) });
        var second = FeedItem.Push(new FeedItem(registered.Name!) { NextEta = app.In(4) });
        var third = FeedItem.Push(new FeedItem(registered.Name!) { NextEta = app.In(5) }, new FeedItem(unregistered) { NextEta = app.In(6) });

        var answers = await WhileTheGateIsHeldAsync<HttpResponseMessage>(
            [() => client.PushAsync(first), () => client.PushAsync(second), () => client.PushAsync(third)]);

        Assert.Equal(3, Queue.LastGroupSize);
        var bodies = await Task.WhenAll(answers.Select(async a => await (await a).ReadJsonAsync()));
        Assert.Equal([2, 1, 2], bodies.Select(b => (int)b["received"]!));
        Assert.Equal([1, 1, 1], bodies.Select(b => (int)b["linked"]!));
        // "H/GLORY" is answered, like every name, as the feed's key: "HYUNDAI GLORY".
        var unregisteredKey = VesselName.Normalise(unregistered);
        Assert.Equal([[unregisteredKey], [], [unregisteredKey]], bodies.Select(b => b["unlinked"]!.AsArray().Select(n => (string)n!).ToArray()));

        // Each push compared with the one before it, newest first, though all three share one time.
        Assert.Equal(
            [("next_port.eta", app.In(4), app.In(5)), ("next_port.eta", app.In(3), app.In(4)), ("feed", "absent", "present")],
            (await HistoryAsync(client, registered.Name!)).Select(Triple));
        Assert.Equal(
            [("feed", "absent", "present"), ("feed", "present", "absent"), ("feed", "absent", "present")],
            (await HistoryAsync(client, unregistered)).Select(Triple));

        // The last push is what is stored; the log has one row per push, in arrival order.
        var stored = (await client.GetWithKeyAsync($"/api/voyages?vessel_name={Uri.EscapeDataString(unregistered)}")).ReadJsonAsync();
        Assert.Contains(app.In(6), (await stored).ToJsonString());
        var log = (await app.FeedLogAsync()).Take((await app.FeedLogAsync()).Count - logBefore).Reverse().ToList();
        Assert.Equal([(200, 2, 1, 1), (200, 1, 1, 0), (200, 2, 1, 1)], log.Select(e => (e.StatusCode, e.Received, e.Linked, e.Unlinked)));
    }

    [Fact]
    public async Task A_push_that_fails_inside_a_group_fails_alone_and_the_others_are_kept()
    {
        var name = Html.Unique("HMM ALGECIRAS");
        var store = app.Services.GetRequiredService<VoyageStore>();
        var client = app.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var pushes = await WhileTheGateIsHeldAsync<VoyagePushResult>(
        [
            () => store.ReplaceAllAsync([Voyage(name, app.In(3))], LogRow($"{tag}-1")),
            () => store.ReplaceAllAsync([Voyage(name, app.In(4), captain: "실패할 선장 (2026-11-01)")],
                _ => throw new InvalidOperationException("the log row could not be made")),
            () => store.ReplaceAllAsync([Voyage(name, app.In(5))], LogRow($"{tag}-3")),
        ]);

        Assert.Equal("the log row could not be made", (await Assert.ThrowsAsync<InvalidOperationException>(() => pushes[1])).Message);
        Assert.Equal([VesselName.Normalise(name)], (await pushes[0]).Unlinked);
        Assert.Equal([VesselName.Normalise(name)], (await pushes[2]).Unlinked);
        // The failed push left nothing: the third is compared with the first, and no captain ever arrived.
        Assert.Equal([("next_port.eta", app.In(3), app.In(5)), ("feed", "absent", "present")], (await HistoryAsync(client, name)).Select(Triple));
        Assert.Equal(app.In(5), await app.QueryScalarAsync<string>("SELECT next_eta FROM voyages WHERE vessel_key = @key", new { key = VesselName.Normalise(name) }));
        Assert.Equal([$"{tag}-1", $"{tag}-3"],
            (await app.FeedLogAsync()).Where(e => e.ClientIp?.StartsWith(tag, StringComparison.Ordinal) == true).Select(e => e.ClientIp).Reverse());
    }

    [Fact]
    public async Task A_push_whose_caller_gave_up_while_it_waited_is_not_written()
    {
        var name = Html.Unique("HYUNDAI SMART");
        var store = app.Services.GetRequiredService<VoyageStore>();
        using var givesUp = new CancellationTokenSource();

        var pushes = await WhileTheGateIsHeldAsync<VoyagePushResult>(
        [
            () => store.ReplaceAllAsync([Voyage(name, app.In(3))]),
            () => store.ReplaceAllAsync([Voyage(name, app.In(4))], cancellationToken: givesUp.Token),
        ], afterQueued: givesUp.Cancel);

        await pushes[0];
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pushes[1]);
        Assert.Equal(app.In(3), await app.QueryScalarAsync<string>("SELECT next_eta FROM voyages WHERE vessel_key = @key", new { key = VesselName.Normalise(name) }));
    }

    [Fact]
    public async Task An_identical_push_makes_no_events_but_moves_each_voyages_last_reported_time()
    {
        var name = Html.Unique("HYUNDAI BRAVE");
        var client = app.CreateClient();
        var body = FeedItem.Push(new FeedItem(name) { NextEta = app.In(3), Captain = "이상필 (2026-02-05)" });
        await client.PushOkAsync(body);
        var firstReported = await UpdatedAtAsync(name);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await client.PushOkAsync(body);

        Assert.Equal(firstReported.AddHours(1), await UpdatedAtAsync(name));
        Assert.Single(await HistoryAsync(client, name));
        Assert.Equal("이상필 (2026-02-05)", await app.QueryScalarAsync<string>("SELECT captain FROM voyages WHERE vessel_key = @key", new { key = VesselName.Normalise(name) }));
    }

    /// <summary>
    /// Holds the write gate, starts the pushes one after another (each queued before the next starts, so their order
    /// is known), runs <paramref name="afterQueued"/>, then lets them be written and returns them, finished, in order.
    /// </summary>
    private async Task<Task<T>[]> WhileTheGateIsHeldAsync<T>(IReadOnlyList<Func<Task<T>>> pushes, Action? afterQueued = null)
    {
        var (holding, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var holder = app.Services.GetRequiredService<Database>().WriteAsync(async write =>
        {
            write.Discard();
            holding.SetResult();
            await release.Task;
        });
        await holding.Task;
        var started = new List<Task<T>>();
        foreach (var push in pushes)
        {
            started.Add(push());
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Queue.Waiting < started.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            Assert.Equal(started.Count, Queue.Waiting);
        }
        afterQueued?.Invoke();
        release.SetResult();
        await holder;
        await Task.WhenAll(started.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return [.. started];
    }

    private static Voyage Voyage(string name, string eta, string? captain = null) =>
        new() { VesselName = VesselName.Normalise(name), Line = "FE4", NextEta = eta, Captain = captain };

    private static Func<VoyagePushResult, VoyageFeedEntry> LogRow(string clientIp) => result => new VoyageFeedEntry
    {
        ReceivedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ClientIp = clientIp,
        StatusCode = 200,
        Received = result.Linked.Count + result.Unlinked.Count,
        Linked = result.Linked.Count,
        Unlinked = result.Unlinked.Count,
    };

    private async Task<DateTimeOffset> UpdatedAtAsync(string name) => DateTimeOffset.Parse(
        await app.QueryScalarAsync<string>("SELECT updated_at FROM voyages WHERE vessel_key = @key", new { key = VesselName.Normalise(name) }),
        CultureInfo.InvariantCulture);

    private static async Task<List<JsonObject>> HistoryAsync(HttpClient client, string name)
    {
        var response = await client.GetWithKeyAsync($"/api/voyages/history?vessel_name={Uri.EscapeDataString(name)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return [.. JsonNode.Parse(body)!.AsArray().Select(e => e!.AsObject())];
    }

    private static (string, string?, string?) Triple(JsonObject e) => ((string)e["field"]!, (string?)e["old"], (string?)e["new"]);
}
