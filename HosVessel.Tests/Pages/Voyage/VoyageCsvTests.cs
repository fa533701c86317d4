using System.Text;
using System.Text.Json.Nodes;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;

namespace HosVessel.Tests.Pages.Voyage;

/// <summary>The voyage list downloads as CSV with its filters, Korean headers and formula-looking cells neutralised.</summary>
public sealed class VoyageCsvTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"클릭\")";

    [Fact]
    public async Task The_download_keeps_the_filters_and_has_korean_headers()
    {
        await PushFleetAsync();
        var viewer = await factory.LoginAsViewerAsync();

        var page = WebUtility.HtmlDecode(await viewer.GetStringAsync("/voyage?vessel_name=hyundai&line=fe4"));
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/voyage\\?[^\"]*handler=csv[^\"]*)\"[^>]*>CSV 다운로드").Groups[1].Value;
        var response = await viewer.GetAsync(link);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("/voyage?vessel_name=hyundai&line=fe4&handler=csv", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Matches(@"^운항정보-\d{8}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("선박명,항차,항로 (라인),TEU,국적,선장,기관장,안전감독,운항감독,", lines[0]);
        Assert.Contains(",다음 입항지,다음 입항 ETA,", lines[0]);
        Assert.EndsWith(",기항지 순서,마지막 업데이트 (KST)", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("HYUNDAI ECOPIA,0042,FE4,", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"클릭\"\")\",", lines[1]);
        Assert.Contains(",GBFXT(GBR),2026-03-21 04:00,", lines[1]);
    }

    [Fact]
    public async Task Without_filters_every_voyage_is_in_the_file_and_visitors_must_sign_in()
    {
        await PushFleetAsync();

        var csv = await (await factory.LoginAsViewerAsync()).GetStringAsync("/voyage?handler=csv");
        var anonymous = await factory.CreateBrowserClient().GetAsync("/voyage?handler=csv");

        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.OriginalString);
    }

    private Task PushFleetAsync() => factory.CreateClient().PushOkAsync(new JsonArray(
        new JsonObject
        {
            ["vessel_name"] = "HYUNDAI ECOPIA", ["voy_no"] = "0042", ["line"] = "FE4", ["captain"] = Formula,
            ["next_port"] = new JsonObject { ["port"] = "GBFXT(GBR)", ["eta"] = "2026-03-21 04:00" },
        },
        new JsonObject { ["vessel_name"] = "HYUNDAI SMART", ["voy_no"] = "0007", ["line"] = "AEX" },
        new JsonObject { ["vessel_name"] = "HMM ALGECIRAS", ["voy_no"] = "0019", ["line"] = "FE4" }).ToJsonString());
}
