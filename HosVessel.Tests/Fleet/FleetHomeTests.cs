using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;

namespace HosVessel.Tests.Fleet;

/// <summary>
/// Issue 13's home page through HTTP, on a feed whose dates are relative to today: each panel takes a ship on one
/// side of its threshold and leaves the one on the other side.
/// </summary>
public sealed class FleetHomeTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    [Fact]
    public async Task Arrivals_list_the_next_seven_days_in_eta_order_and_mark_a_past_eta()
    {
        var inThree = Html.Unique("HMM ALGECIRAS");
        var inOne = Html.Unique("HYUNDAI SMART");
        var late = Html.Unique("HYUNDAI PRIDE");
        var inTen = Html.Unique("HYUNDAI BRAVE");
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            new FeedItem(inThree) { NextEta = app.In(3), NextPort = "GBFXT(GBR)" },
            new FeedItem(inOne) { NextEta = app.In(1) },
            new FeedItem(late) { NextEta = app.In(-0.5) },
            new FeedItem(inTen) { NextEta = app.In(10) }));

        var arrivals = Html.Section(await (await app.LoginAsViewerAsync()).GetStringAsync("/"), "arrivals");

        Assert.DoesNotContain(inTen, arrivals);
        var order = new[] { late, inOne, inThree }.Select(name => arrivals.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("GBFXT(GBR)", arrivals);
        var lateRow = arrivals[arrivals.IndexOf(late, StringComparison.Ordinal)..arrivals.IndexOf(inOne, StringComparison.Ordinal)];
        Assert.Contains("ETA 지남", lateRow);
        Assert.DoesNotContain("ETA 지남", arrivals[arrivals.IndexOf(inOne, StringComparison.Ordinal)..]);
        // The chart and its text equivalent: the ship in three days is counted on its day.
        Assert.Contains("role=\"img\"", arrivals);
        Assert.Contains($"<td>{app.TodayKst.AddDays(3):yyyy-MM-dd}</td><td>1</td>", arrivals.Replace(" ", ""));
    }

    [Fact]
    public async Task Psc_due_takes_the_regime_from_the_port_country_and_the_inspection_age_from_the_matching_mou()
    {
        var stale = Html.Unique("HYUNDAI ECOPIA");     // Paris, 13 months ago
        var fresh = Html.Unique("HYUNDAI COURAGE");    // Paris, 11 months ago (written "paris")
        var never = Html.Unique("HYUNDAI FAITH");      // only ever inspected under Tokyo
        var asia = Html.Unique("HYUNDAI HOPE");        // bound for Busan, Tokyo inspection long ago
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            new FeedItem(stale) { NextPort = "GBFXT(GBR)", NextEta = app.In(4), Mou1 = "Paris", Date1 = app.DaysAgo(396) },
            new FeedItem(fresh) { NextPort = "NLRTM(RWG)", NextEta = app.In(4), Mou1 = "Tokyo", Date1 = app.DaysAgo(500), Mou2 = "paris", Date2 = app.DaysAgo(335) },
            new FeedItem(never) { NextPort = "DEHAM(CTB)", NextEta = app.In(6), Mou1 = "Tokyo", Date1 = app.DaysAgo(20) },
            new FeedItem(asia) { NextPort = "KRPUS(PNC)", NextEta = app.In(2), Mou1 = "TOKYO", Date1 = app.DaysAgo(200) }));

        var psc = Html.Section(await (await app.LoginAsViewerAsync()).GetStringAsync("/"), "psc-due");

        Assert.Contains(stale, psc);
        Assert.Contains(never, psc);
        Assert.Contains("Paris MOU: 검사 기록 없음", psc);
        Assert.DoesNotContain(fresh, psc);
        Assert.DoesNotContain(asia, psc);
    }

    [Fact]
    public async Task Crew_relief_lists_masters_and_chief_engineers_aboard_more_than_180_days_with_the_next_port()
    {
        var longMaster = Html.Unique("HMM OSLO");
        var shortMaster = Html.Unique("HMM DUBLIN");
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            new FeedItem(longMaster) { Captain = $"이상필 ({app.DaysAgo(181)})", ChiefEngineer = $"문학병 ({app.DaysAgo(30)})", NextPort = "SGSIN(PSA)", NextEta = app.In(5) },
            new FeedItem(shortMaster) { Captain = $"김철수 ({app.DaysAgo(179)})", ChiefEngineer = $"박영희 ({app.DaysAgo(180)})" }));

        var crew = Html.Section(await (await app.LoginAsViewerAsync()).GetStringAsync("/"), "crew-relief");

        Assert.Contains(longMaster, crew);
        Assert.Contains("선장 이상필", crew);
        Assert.Contains("181일", crew);
        Assert.Contains("다음 SGSIN(PSA)", crew);
        Assert.DoesNotContain("문학병", crew);
        Assert.DoesNotContain(shortMaster, crew);
    }

    [Fact]
    public async Task A_long_panel_shows_its_first_rows_and_a_link_to_all_of_them()
    {
        var names = Enumerable.Range(1, 14).Select(i => Html.Unique($"HOS RELIEF {i:00}")).ToArray();
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            [.. names.Select((name, i) => new FeedItem(name) { Captain = $"선장{i} ({app.DaysAgo(200 + i)})" })]));
        var viewer = await app.LoginAsViewerAsync();

        var crew = Html.Section(await viewer.GetStringAsync("/"), "crew-relief");
        Assert.Equal(12, names.Count(crew.Contains));
        Assert.Contains("모두 보기 (14)", crew);
        Assert.Contains("/?expand=crew-relief#crew-relief", crew);
        Assert.Equal(14, names.Count(Html.Section(await viewer.GetStringAsync("/?expand=crew-relief"), "crew-relief").Contains));
    }

    [Fact]
    public async Task Audit_due_lists_ships_whose_audit_year_ends_within_30_days_or_has_passed()
    {
        var today = app.TodayKst;
        string LastAudit(int dueInDays) => today.AddDays(dueInDays).AddMonths(-12).ToString("yyyy-MM-dd");
        var soon = await app.RegisterAsync(Html.Unique("HOS AUDIT SOON"), internalAudit: LastAudit(29));
        var overdue = await app.RegisterAsync(Html.Unique("HOS AUDIT LATE"), internalAudit: LastAudit(-3));
        var later = await app.RegisterAsync(Html.Unique("HOS AUDIT LATER"), internalAudit: LastAudit(31));

        var audit = Html.Section(await (await app.LoginAsViewerAsync()).GetStringAsync("/"), "audit-due");

        Assert.Contains(soon.Name!, audit);
        Assert.Contains("D-29", audit);
        Assert.Contains(overdue.Name!, audit);
        Assert.Contains("3일 지남", audit);
        Assert.DoesNotContain(later.Name!, audit);
    }

    [Fact]
    public async Task My_fleet_shows_the_supervisors_ships_by_default_with_a_switch_to_the_whole_fleet()
    {
        var mine = Html.Unique("HYUNDAI GRACE");
        var teams = await app.RegisterAsync(Html.Unique("HOS TEAM SHIP"), tic: "LBT");
        var other = Html.Unique("HYUNDAI GLORY");
        await app.CreateClient().PushOkAsync(FeedItem.Push(
            new FeedItem(mine) { NextEta = app.In(2), SafetySupervisor = "장성욱" },
            new FeedItem(teams.Name!) { NextEta = app.In(2), OpsSupervisor = "강문수" },
            new FeedItem(other) { NextEta = app.In(2), SafetySupervisor = "강문수" }));
        var viewer = await app.LoginAsViewerAsync("supervisor-jang", "Jang-Passw0rd!");
        Assert.Contains("내 선박 설정", Html.Section(await viewer.GetStringAsync("/"), "fleet-scope"));

        var saved = await viewer.PostFormAsync("/account", new() { ["supervisor_name"] = " 장성욱 ", ["team_codes"] = "lbt" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"장성욱\"", WebUtility.HtmlDecode(await viewer.GetStringAsync("/account")));

        var arrivals = Html.Section(await viewer.GetStringAsync("/"), "arrivals");
        Assert.Contains(mine, arrivals);
        Assert.Contains(teams.Name!, arrivals);
        Assert.DoesNotContain(other, arrivals);
        Assert.Contains(other, Html.Section(await viewer.GetStringAsync("/?scope=all"), "arrivals"));
        // Another user's home is not filtered by this one's settings.
        Assert.Contains(other, Html.Section(await (await app.LoginAsViewerAsync()).GetStringAsync("/"), "arrivals"));
    }

    [Fact]
    public async Task Search_finds_a_ship_by_alias_code_imo_or_call_sign_and_jumps_to_a_single_match()
    {
        var ecopia = await app.RegisterAsync("HYUNDAI ECOPIA", callsign: "D7EC");
        var sister = await app.RegisterAsync(Html.Unique("HYUNDAI ECOPIA"));
        var viewer = await app.LoginAsViewerAsync();

        foreach (var term in new[] { "H/ECOPIA", "hyundai  ecopia", ecopia.ImoNo!, $"IMO {ecopia.ImoNo}", ecopia.ShipCode!.ToLowerInvariant(), "d7ec" })
        {
            var response = await viewer.GetAsync($"/?q={Uri.EscapeDataString(term)}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{term}: {(int)response.StatusCode}");
            Assert.Equal($"/vessel/{ecopia.Id}", response.Headers.Location!.OriginalString);
        }
        var many = WebUtility.HtmlDecode(await viewer.GetStringAsync("/?q=HYUNDAI"));
        Assert.Contains("id=\"search-results\"", many);
        Assert.Contains($"href=\"/vessel/{ecopia.Id}\"", many);
        Assert.Contains(sister.Name!, many);
        Assert.Contains("일치하는 선박이 없습니다", WebUtility.HtmlDecode(await viewer.GetStringAsync("/?q=NO-SUCH-SHIP-ZZ")));
    }

    [Fact]
    public async Task Data_quality_is_for_admins_and_names_unknown_feed_names_missing_ships_bad_imos_and_missing_audits()
    {
        var registered = await app.RegisterAsync(Html.Unique("HOS REGISTERED"), internalAudit: null);
        var feedOnly = Html.Unique("HYUNDAI TYPO");
        await app.CreateClient().PushOkAsync(FeedItem.Push(new FeedItem(feedOnly) { NextEta = app.In(1) }));
        // A bad check digit as a legacy import leaves it; updated_at moves as every write of the app moves it.
        await app.QueryScalarAsync<long>(
            "UPDATE vessels SET imo_no = '9999990', updated_at = strftime('%Y-%m-%dT%H:%M:%f0000+00:00', 'now') WHERE id = @id RETURNING id",
            new { id = registered.Id });

        var admin = await app.LoginAsAdminAsync();
        var quality = Html.Section(await admin.GetStringAsync("/"), "data-quality");
        Assert.Contains(feedOnly, Between(quality, "unknown-feed-names", "missing-from-push"));
        Assert.Contains(registered.Name!, Between(quality, "missing-from-push", "bad-imo"));
        Assert.Contains("9999990", Between(quality, "bad-imo", "no-audit-date"));
        Assert.Contains(registered.Name!, quality[quality.IndexOf("no-audit-date", StringComparison.Ordinal)..]);

        Assert.DoesNotContain("id=\"data-quality\"", await (await app.LoginAsViewerAsync()).GetStringAsync("/"));
    }

    [Fact]
    public async Task The_anonymous_home_stays_as_it_was()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/"));
        Assert.Contains("선박 정보를 보려면 로그인하세요.", html);
        Assert.DoesNotContain("id=\"arrivals\"", html);
    }

    private static string Between(string html, string fromId, string toId) =>
        html[html.IndexOf(fromId, StringComparison.Ordinal)..html.IndexOf(toId, StringComparison.Ordinal)];
}
