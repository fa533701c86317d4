using System.Net.Http.Headers;
using System.Text;
using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Pages.Vessel;

public sealed class VesselPagesTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string MarkupName = "<b>\"O'NEIL\"</b> & 한바다";

    private VesselStore Store => factory.Services.GetRequiredService<VesselStore>();

    private async Task<long> CreateAsync(VesselFields fields) => (await Store.CreateAsync(fields)).Id!.Value;

    [Fact]
    public async Task List_shows_the_total_filters_and_a_pager_that_keeps_them()
    {
        var tag = "PGR" + VesselSamples.NewShipCode();
        for (var i = 0; i < 21; i++)
        {
            var fields = VesselSamples.Valid($"{tag} {i:00}");
            fields.ShipType = "LNGC";
            await CreateAsync(fields);
        }
        var admin = await factory.LoginAsAdminAsync();

        var html = await admin.GetStringAsync($"/vessel/list?name={tag.ToLowerInvariant()}&ship_type=LNGC&sort=name&dir=desc");
        var page2 = await admin.GetStringAsync($"/vessel/list?name={tag}&ship_type=LNGC&sort=name&dir=desc&page=2");

        Assert.Contains("총 <strong>21</strong>척", html);
        Assert.Contains($"href=\"/vessel/list?name={tag.ToLowerInvariant()}&amp;ship_type=LNGC&amp;sort=name&amp;dir=desc&amp;page=2\"", html);
        Assert.Contains("<option value=\"LNGC\" selected=\"selected\">LNGC · LNG 운반선</option>", html);
        Assert.Contains($"{tag} 20", html);
        Assert.DoesNotContain($"{tag} 00<", html);
        Assert.Contains($"{tag} 00<", page2);
        Assert.Contains("aria-current=\"page\">2</span>", page2);
    }

    [Fact]
    public async Task Csv_download_is_the_filtered_list_in_utf8_with_a_bom()
    {
        var tag = "CSV" + VesselSamples.NewShipCode();
        await CreateAsync(VesselSamples.Valid($"{tag} 한바다"));
        await CreateAsync(VesselSamples.Valid($"{tag} 두바다"));
        await CreateAsync(VesselSamples.Valid());
        var viewer = await factory.LoginAsViewerAsync();

        var response = await viewer.GetAsync($"/vessel/list?handler=csv&name={tag}&sort=name");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID,선박명,IMO 번호,선박 코드,", lines[0]);
        Assert.Equal(string.Join(',', ["ID", .. VesselFieldTable.All.Select(f => f.Label)]), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains($",{tag} 두바다,", lines[1]);
        Assert.Contains($",{tag} 한바다,", lines[2]);
    }

    [Fact]
    public async Task A_name_with_markup_shows_as_text_on_list_detail_and_edit()
    {
        var fields = VesselSamples.Valid(MarkupName);
        var id = await CreateAsync(fields);
        var admin = await factory.LoginAsAdminAsync();

        foreach (var url in new[] { $"/vessel/list?name={fields.ShipCode}", $"/vessel/{id}", $"/vessel/{id}/edit" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.DoesNotContain("<b>", html);
            Assert.Contains("&lt;b&gt;&quot;O&#x27;NEIL&quot;&lt;/b&gt; &amp; ", html);
            Assert.Contains(MarkupName, WebUtility.HtmlDecode(html));
        }
    }

    [Fact]
    public async Task Detail_has_two_cards_and_warns_about_a_legacy_imo()
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenWritableAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO vessels (name, name_key, imo_no, ship_type, size, flag, created_at, updated_at)
            VALUES ('LEGACY ONE', 'LEGACY ONE', '1234568', 'BULK', '180K', 'PAN', '2020-01-01', '2020-01-01') RETURNING id
            """);
        var viewer = await factory.LoginAsViewerAsync();

        var html = await viewer.GetStringAsync($"/vessel/{id}");

        Assert.Contains("<h2>기본 정보</h2>", html);
        Assert.Contains("<h2>상세 정보</h2>", html);
        Assert.Contains("IMO 검증 숫자 오류", html);
        Assert.DoesNotContain("IMO 검증 숫자 오류", await viewer.GetStringAsync($"/vessel/{await CreateAsync(VesselSamples.Valid())}"));
    }

    [Fact]
    public async Task Viewer_sees_no_admin_buttons()
    {
        var id = await CreateAsync(VesselSamples.Valid());
        var viewer = await factory.LoginAsViewerAsync();

        var list = await viewer.GetStringAsync("/vessel/list");
        var detail = await viewer.GetStringAsync($"/vessel/{id}");

        Assert.Contains("CSV 다운로드", list);
        foreach (var html in new[] { list, detail })
        {
            Assert.DoesNotContain("href=\"/vessel/new\"", html);
            Assert.DoesNotContain("href=\"/vessel/import\"", html);
            Assert.DoesNotContain("/edit\"", html);
            Assert.DoesNotContain("/delete\"", html);
        }
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        var admin = await factory.LoginAsAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/vessel/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/vessel/99999999/edit")).StatusCode);
        var delete = await admin.PostFormAsync("/vessel/99999999/delete", [], formPageUrl: "/vessel/list");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Admin_creates_edits_and_deletes_through_the_forms()
    {
        var admin = await factory.LoginAsAdminAsync();
        var fields = VesselSamples.Valid();

        var created = await admin.PostFormAsync("/vessel/new", VesselSamples.Form(fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var detail = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("선박을 등록했습니다.", detail);
        Assert.Matches($"<form method=\"post\" action=\"{url}/delete\"[^>]*>\\s*<button[^>]*data-confirm=[^>]*>삭제</button>\\s*<input name=\"__RequestVerificationToken\"", detail);

        fields.Size = "4.6K";
        var edited = await admin.PostFormAsync(url + "/edit", VesselSamples.Form(fields));
        Assert.Equal(url, edited.Headers.Location!.OriginalString);
        Assert.Equal("4.6K", (await Store.FindByImoAsync(fields.ImoNo!))!.Size);

        var deleted = await admin.PostFormAsync(url + "/delete", [], formPageUrl: url);
        Assert.Equal("/vessel/list", deleted.Headers.Location!.OriginalString);
        Assert.Contains("삭제했습니다.", WebUtility.HtmlDecode(await admin.GetStringAsync("/vessel/list")));
        Assert.Null(await Store.FindByImoAsync(fields.ImoNo!));
    }

    [Fact]
    public async Task Invalid_form_shows_korean_errors_next_to_fields_and_keeps_what_was_typed()
    {
        var admin = await factory.LoginAsAdminAsync();
        var form = VesselSamples.Form(VesselSamples.Valid("Typed  Name 123"));
        form["imo_no"] = "9074728";
        form["built_year"] = "2019/05";
        form["tic"] = "";

        var response = await admin.PostFormAsync("/vessel/new", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"field-error\" id=\"imo_no-error\">IMO 번호 '9074728'의 마지막 자리(검증 숫자)가 맞지 않습니다.", html);
        Assert.Contains("id=\"built_year-error\">건조 연월 '2019/05'는 날짜가 아닙니다. YYYY-MM 또는 YYYY 형식", html);
        Assert.Contains("id=\"tic-error\">담당 팀 (TIC)을 입력하세요. 예: CT1</span>", html);
        Assert.Contains("value=\"Typed  Name 123\"", html);
        Assert.Contains("value=\"9074728\"", html);
        Assert.Contains("value=\"2019/05\"", html);
    }

    [Fact]
    public async Task Import_page_uploads_a_file_and_shows_the_summary()
    {
        var admin = await factory.LoginAsAdminAsync();
        var good = VesselSamples.Valid();
        var bad = VesselSamples.Valid();
        bad.ShipCode = "TOOLONG";
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { good, bad }.Select(f => VesselFieldTable.All.ToDictionary(x => x.Key, x => x.Get(f))));

        var html = await UploadAsync(admin, json, skipInvalid: true);

        Assert.Contains("추가 <strong>1</strong>척", html);
        Assert.Contains("거부 <strong>1</strong>행", html);
        Assert.Contains("선박 코드 'TOOLONG'은 7자입니다. 6자 이하로 입력하세요.", html);
        Assert.NotNull(await Store.FindByImoAsync(good.ImoNo!));
        Assert.Contains("아무것도 바뀌지 않았습니다.", await UploadAsync(admin, "not a vessel file", skipInvalid: false, HttpStatusCode.BadRequest));
    }

    private static async Task<string> UploadAsync(
        HttpClient client, string content, bool skipInvalid, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var token = await client.GetAntiforgeryTokenAsync("/vessel/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "vessels.json");
        if (skipInvalid)
        {
            form.Add(new StringContent("true"), "skip_invalid");
        }
        var response = await client.PostAsync("/vessel/import", form);
        Assert.Equal(expected, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
