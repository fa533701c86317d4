using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Fleet;

/// <summary>
/// The home page's panels, the vessel page's timeline and "내 선박" are kept in memory between requests; each change
/// a user makes or the feed brings shows on the very next request. The clock moves by a millisecond only (so two
/// pushes get distinct times), far less than any cache's age: what refreshes them here is the write itself.
/// </summary>
public sealed class FleetFreshnessTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    [Fact]
    public async Task A_push_shows_on_the_very_next_home_page_and_vessel_page()
    {
        var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI ECOPIA"));
        var client = app.CreateClient();
        var far = new FeedItem(vessel.Name!) { NextEta = app.In(10), NextPort = "GBFXT(GBR)" };
        await client.PushOkAsync(FeedItem.Push(far));
        var viewer = await app.LoginAsViewerAsync();
        Assert.DoesNotContain(vessel.Name!, Html.Section(await viewer.GetStringAsync("/"), "arrivals"));
        Assert.DoesNotContain("next_port.eta", Html.Section(await viewer.GetStringAsync($"/vessel/{vessel.Id}"), "voyage-history"));

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var near = far with { NextEta = app.In(2) };
        await client.PushOkAsync(FeedItem.Push(near));

        Assert.Contains(vessel.Name!, Html.Section(await viewer.GetStringAsync("/"), "arrivals"));
        var timeline = Html.Section(await viewer.GetStringAsync($"/vessel/{vessel.Id}"), "voyage-history");
        Assert.Contains("data-field=\"next_port.eta\"", timeline);
        Assert.Contains(near.NextEta!, timeline);
        Assert.Contains("1회 변경", timeline);
    }

    [Fact]
    public async Task A_register_edit_shows_on_the_very_next_home_page()
    {
        var vessel = await app.RegisterAsync(Html.Unique("HOS AUDIT EDIT"));
        var admin = await app.LoginAsAdminAsync();
        Assert.DoesNotContain(vessel.Name!, Html.Section(await admin.GetStringAsync("/"), "audit-due"));

        var fields = vessel.ToFields();
        fields.InternalAudit = app.TodayKst.AddDays(10).AddMonths(-12).ToString("yyyy-MM-dd");
        Assert.True((await app.Services.GetRequiredService<VesselStore>().UpdateAsync(vessel.Id, fields)).Succeeded);

        var audit = Html.Section(await admin.GetStringAsync("/"), "audit-due");
        Assert.Contains(vessel.Name!, audit);
        Assert.Contains("D-10", audit);
    }

    [Fact]
    public async Task A_changed_my_fleet_setting_shows_on_the_very_next_home_page()
    {
        var kim = Html.Unique("HYUNDAI HOPE");
        var lee = Html.Unique("HYUNDAI FAITH");
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            new FeedItem(kim) { NextEta = app.In(1), SafetySupervisor = "김감독" },
            new FeedItem(lee) { NextEta = app.In(1), SafetySupervisor = "이감독" }));
        var viewer = await app.LoginAsViewerAsync("supervisor-fresh", "Fresh-Passw0rd!");
        var whole = Html.Section(await viewer.GetStringAsync("/"), "arrivals");
        Assert.Contains(kim, whole);
        Assert.Contains(lee, whole);

        foreach (var (supervisor, mine, other) in new[] { ("김감독", kim, lee), ("이감독", lee, kim) })
        {
            await viewer.PostFormAsync("/account", new() { ["supervisor_name"] = supervisor, ["team_codes"] = "" });
            var arrivals = Html.Section(await viewer.GetStringAsync("/"), "arrivals");
            Assert.Contains(mine, arrivals);
            Assert.DoesNotContain(other, arrivals);
        }
    }
}
