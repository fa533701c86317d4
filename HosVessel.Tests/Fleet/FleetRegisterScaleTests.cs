using System.Net;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Fleet;

namespace HosVessel.Tests.Fleet;

/// <summary>
/// The home page keeps only the ships its panels show, not the register (issue 12, memory at 100,000 vessels): ships
/// without a voyage still count as "내 선박" by team code, are found by the search, and a data-quality list longer
/// than the page keeps says how many more there are. Its own app, so the register holds exactly these ships.
/// </summary>
public sealed class FleetRegisterScaleTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    private const int Unaudited = QualityGroup.ShipsKept + 5;

    [Fact]
    public async Task Ships_without_a_voyage_count_in_my_fleet_are_found_and_a_long_quality_list_says_what_it_leaves_out()
    {
        var names = new List<string>();
        for (var i = 0; i < Unaudited; i++)
        {
            names.Add((await app.RegisterAsync($"HOS BULKER {i:D3}", tic: "ZT9", internalAudit: null)).Name!);
        }
        var sailing = Html.Unique("HYUNDAI SMART");
        await app.CreateClient().PushOkAsync(FeedItem.Push(new FeedItem(sailing) { NextEta = app.In(1), SafetySupervisor = "장성욱" }));

        var viewer = await app.LoginAsViewerAsync("supervisor-zt9", "Zt9-Passw0rd!");
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.PostFormAsync("/account", new() { ["supervisor_name"] = "장성욱", ["team_codes"] = "zt9" })).StatusCode);
        var scope = Html.Tag().Replace(Html.Section(await viewer.GetStringAsync("/"), "fleet-scope"), "");
        // The supervisor's sailing ship and every ZT9 ship, though none of those is held by the page.
        Assert.Contains($"내 선박 {Unaudited + 1}", scope);
        Assert.Contains($"전체 선대 {Unaudited + 1}", scope);

        var found = await viewer.GetAsync("/?q=" + Uri.EscapeDataString(names[^1].ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        // Many partial hits: the count of all of them, and the first 30 by name.
        var many = WebUtility.HtmlDecode(await viewer.GetStringAsync("/?q=BULKER"));
        Assert.Contains($"검색 결과 {Unaudited}척", many);
        var shown = many[many.IndexOf("id=\"search-results\"", StringComparison.Ordinal)..many.IndexOf("id=\"fleet-scope\"", StringComparison.Ordinal)];
        Assert.Equal(FleetSearchResult.Shown, shown.Split("<li>").Length - 1);
        Assert.Contains(names[FleetSearchResult.Shown - 1], shown);
        Assert.DoesNotContain(names[FleetSearchResult.Shown], shown);

        var admin = await app.LoginAsAdminAsync();
        var folded = Html.Section(await admin.GetStringAsync("/"), "data-quality");
        Assert.Contains($"모두 보기 ({Unaudited})", folded[folded.IndexOf("no-audit-date", StringComparison.Ordinal)..]);
        var expanded = Html.Section(await admin.GetStringAsync("/?expand=data-quality"), "data-quality");
        var noAudit = expanded[expanded.IndexOf("no-audit-date", StringComparison.Ordinal)..];
        Assert.Equal(QualityGroup.ShipsKept, noAudit.Split("<li>").Length - 1);
        Assert.Contains(names[0], noAudit);
        Assert.DoesNotContain(names[^1], noAudit);
        Assert.Contains($"처음 {QualityGroup.ShipsKept}척만 보여 줍니다. 나머지 5척은", Html.Tag().Replace(noAudit, ""));
    }
}
