using HosVessel.Web;
using System.Text.RegularExpressions;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Pages.Voyage;

public sealed partial class VoyagePagesTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task The_list_shows_the_columns_the_total_and_the_last_push_time_in_KST()
    {
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.ExampleBody);
        var lastPush = await factory.Services.GetRequiredService<VoyageStore>().GetLastPushAsync();

        var html = WebUtility.HtmlDecode(await (await factory.LoginAsViewerAsync()).GetStringAsync("/voyage"));

        Assert.Contains($"마지막 수신: {KoreanTime.Format(lastPush!.Value)}", Regex.Replace(html, "<[^>]+>", ""));
        Assert.Contains("총 <strong>1</strong>척", html);
        var headers = HeaderCell().Matches(html).Select(m => m.Groups[1].Value);
        Assert.Equal(["선박명", "항로 (라인)", "항차", "TEU", "선장", "기관장", "안전감독", "운항감독", "다음 입항"], headers);
        foreach (var cell in new[] { "HMM ALGECIRAS", "<span class=\"badge\"><abbr class=\"code\" title=\"이름 없음\">FE4</abbr></span>", "0019", "24K", "이상필 (2026-02-05)",
                     "문학병 (2025-10-30)", "장성욱", "강문수", "GBFXT(GBR)", "ETA <time class=\"when\" datetime=\"2026-03-21T04:00:00+09:00\"><span class=\"day\">2026-03-21</span> <span class=\"clock\">04:00 KST</span></time>" })
        {
            Assert.Contains(cell, html);
        }
        Assert.DoesNotContain("수신 기록</a>", html);
    }

    [Fact]
    public void KST_is_nine_hours_ahead_of_UTC() =>
        Assert.Equal("2026-02-19 13:30 KST", KoreanTime.Format(new DateTimeOffset(2026, 2, 19, 4, 30, 0, TimeSpan.Zero)));

    [Fact]
    public async Task The_list_pages_by_20_keeping_the_filters_in_the_pager_links()
    {
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.Items(
            [.. Enumerable.Range(1, 45).Select(i => $"PAGED {i:D2}"), "UNRELATED"]));
        var client = await factory.LoginAsAdminAsync();

        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/voyage?vessel_name=paged"));
        Assert.Contains("총 <strong>45</strong>척", first);
        Assert.Contains("aria-current=\"page\">1</span>", first);
        Assert.Contains("href=\"/voyage?vessel_name=paged&page=3\" aria-label=\"3페이지\">3</a>", first);
        Assert.Contains("href=\"/voyage?vessel_name=paged&page=2\"", first);
        Assert.Equal(20, VesselLink().Matches(first).Count);

        var last = WebUtility.HtmlDecode(await client.GetStringAsync("/voyage?vessel_name=paged&page=3"));
        Assert.Equal(["PAGED 41", "PAGED 42", "PAGED 43", "PAGED 44", "PAGED 45"],
            VesselLink().Matches(last).Select(m => m.Groups[1].Value));
        Assert.Contains("rel=\"prev\" href=\"/voyage?vessel_name=paged&page=2\"", last);
    }

    [Fact]
    public async Task The_detail_page_shows_every_field_in_its_card()
    {
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.ExampleBody);
        var client = await factory.LoginAsViewerAsync();
        var id = VoyageId().Match(await client.GetStringAsync("/voyage")).Groups[1].Value;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/voyage/{id}"));

        string Card(string cardId) => Regex.Match(html, $"<section class=\"card[^\"]*\" id=\"{cardId}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        string Text(string cardId) => Regex.Replace(Card(cardId), "<[^>]+>", "");
        Assert.Contains("<h2>기본 정보</h2>", Card("basic"));
        Assert.All(new[] { "HMM ALGECIRAS", "FE4", "0019", "24K", "KOR" }, v => Assert.Contains(v, Card("basic")));
        Assert.Contains("선원 & 감독", Card("crew"));
        Assert.All(new[] { "이상필 (2026-02-05)", "문학병 (2025-10-30)", "장성욱", "강문수" }, v => Assert.Contains(v, Card("crew")));
        Assert.All(new[] { "최근 출항", "SGSIN(PSA)", "2026-02-19 04:30" }, v => Assert.Contains(v, Text("last-port")));
        Assert.All(new[] { "다음 입항", "GBFXT(GBR)", "2026-03-21 04:00", "2026-03-22 04:00", "2026-03-23 15:00" },
            v => Assert.Contains(v, Text("next-port")));
        Assert.All(new[] { "PSC 검사", "Tokyo", "2025-09-09", "Paris", "2025-11-25" }, v => Assert.Contains(v, Card("psc")));
        Assert.Contains("NLRTM / RWG(03/24) → DEHAM / CTB(03/30) → ...", Card("itinerary"));
        Assert.Contains("마지막 업데이트", Card("updated"));
        Assert.Contains(" KST</span></time>", Card("updated"));
        Assert.Contains("선박 등록부에 없음", html);
    }

    [Fact]
    public async Task An_unknown_voyage_is_404()
    {
        var response = await (await factory.LoginAsViewerAsync()).GetAsync("/voyage/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_sees_a_link_to_the_feed_log()
    {
        var html = await (await factory.LoginAsAdminAsync()).GetStringAsync("/voyage");

        Assert.Contains("<a href=\"/voyage/feed\">수신 기록</a>", html);
    }

    [GeneratedRegex("<th[^>]*>([^<]+)</th>")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<a class=\"ship-link\" href=\"/voyage/\\d+\">([^<]+)</a>")]
    private static partial Regex VesselLink();

    [GeneratedRegex("<a class=\"ship-link\" href=\"/voyage/(\\d+)\">")]
    private static partial Regex VoyageId();
}
