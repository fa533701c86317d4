using System.Text.RegularExpressions;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Codes;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Codes;

/// <summary>/codes through HTTP: seeded names, renaming, new codes flagged (never refused), bad input, viewers.</summary>
public sealed partial class CodesPageTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private VesselStore Vessels => factory.Services.GetRequiredService<VesselStore>();

    private static string NewCode(string prefix) => prefix + VesselSamples.NewShipCode()[1..];

    private async Task<long> CreateVesselAsync(Action<VesselFields> change)
    {
        var fields = VesselSamples.Valid();
        change(fields);
        var result = await Vessels.CreateAsync(fields);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Values));
        return result.Id!.Value;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Codes_page_lists_the_seeded_korean_names_of_ship_types_flags_and_class_societies()
    {
        await CreateVesselAsync(fields => (fields.Flag, fields.Class) = ("LIB", "LR+KR"));
        var admin = await factory.LoginAsAdminAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/codes"));

        foreach (var (kind, code, name) in new[]
        {
            ("ship_type", "CNTR", "컨테이너선"), ("ship_type", "PCTC", "자동차·트럭 운반선"), ("flag", "KOR", "대한민국"),
            ("flag", "PAN", "파나마"), ("flag", "LIB", "라이베리아"), ("flag", "MHL", "마셜 제도"),
            ("class", "KR", "한국선급"), ("class", "LR", "로이드선급"), ("ro", "KR", "한국선급"),
        })
        {
            Assert.Matches(RowPattern(kind, code, name), html);
        }
        // The combined class is counted under each of its societies, not as a code of its own.
        Assert.DoesNotContain("data-code=\"LR+KR\"", html);
    }

    [Fact]
    public async Task Renaming_a_code_shows_on_the_list_title_and_legend_and_on_the_detail_label()
    {
        var flag = NewCode("Q");
        var name = VesselSamples.Valid().Name!;
        var id = await CreateVesselAsync(fields => (fields.Name, fields.Flag) = (name, flag));
        var admin = await factory.LoginAsAdminAsync();
        var listUrl = $"/vessel/list?name={Uri.EscapeDataString(name)}";
        Assert.Contains($"<abbr class=\"code\" title=\"{CodeNameBook.Unnamed}\">{flag}</abbr>", await HtmlAsync(await admin.GetAsync(listUrl)));

        var saved = await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "flag", ["code"] = flag.ToLowerInvariant(), ["name"] = "가상 공화국" }, "/codes");
        Assert.Equal("/codes#flag", saved.Headers.Location!.OriginalString);
        Assert.Contains($"국적 {flag}의 이름을 저장했습니다: 가상 공화국", WebUtility.HtmlDecode(await admin.GetStringAsync("/codes")));

        var list = await HtmlAsync(await admin.GetAsync(listUrl));
        Assert.Contains($"<abbr class=\"code\" title=\"가상 공화국\">{flag}</abbr>", list);
        Assert.Matches($"<dl class=\"code-legend\"[^>]*>.*<dt>국적</dt><dd>.*<span class=\"code\">{flag}</span> 가상 공화국", Regex.Replace(list, @"\s+", " "));
        var detail = await HtmlAsync(await admin.GetAsync($"/vessel/{id}"));
        Assert.Contains($"<span class=\"code\">{flag}</span> <span class=\"code-label\">· 가상 공화국</span>", detail);

        await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "flag", ["code"] = flag, ["name"] = "가상 연방" }, "/codes");
        Assert.Contains("<span class=\"code-label\">· 가상 연방</span>", await HtmlAsync(await admin.GetAsync($"/vessel/{id}")));
    }

    [Fact]
    public async Task An_unnamed_code_asks_admins_for_a_name_and_shows_viewers_the_code_alone()
    {
        var flag = NewCode("Q");
        var id = await CreateVesselAsync(fields => fields.Flag = flag);

        var forAdmin = await HtmlAsync(await (await factory.LoginAsAdminAsync()).GetAsync($"/vessel/{id}"));
        var forViewer = await HtmlAsync(await (await factory.LoginAsViewerAsync()).GetAsync($"/vessel/{id}"));

        Assert.Contains($"<span class=\"code\">{flag}</span> <span class=\"code-label code-unnamed\">· {CodeNameBook.Unnamed}</span>", forAdmin);
        Assert.Contains($"<span class=\"code-name\"><span class=\"code\">{flag}</span></span>", forViewer);
        Assert.DoesNotContain(CodeNameBook.Unnamed, Regex.Replace(forViewer, "<abbr[^>]*>", ""));
        Assert.Contains($"<span class=\"code\">{flag}</span> {CodeNameBook.Unnamed}", await HtmlAsync(await (await factory.LoginAsAdminAsync()).GetAsync($"/vessel/list?flag={flag}")));
        Assert.DoesNotContain($"<span class=\"code\">{flag}</span>", await HtmlAsync(await (await factory.LoginAsViewerAsync()).GetAsync($"/vessel/list?flag={flag}")));
    }

    [Fact]
    public async Task A_vessel_saved_with_a_brand_new_flag_is_accepted_and_flagged_on_codes_with_its_ship_count()
    {
        var flag = NewCode("X");
        var admin = await factory.LoginAsAdminAsync();
        var form = VesselSamples.Form(VesselSamples.Valid());
        form["flag"] = flag.ToLowerInvariant();
        Assert.Contains("<datalist id=\"flag-options\">", await admin.GetStringAsync("/vessel/new"));

        var created = await admin.PostFormAsync("/vessel/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"이름이 없는 새 코드: 국적 {flag}. 코드 관리에서 이름을 붙일 수 있습니다.",
            WebUtility.HtmlDecode(await admin.GetStringAsync(created.Headers.Location!.OriginalString)));
        await CreateVesselAsync(fields => fields.Flag = flag);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/codes"));
        var unnamed = html[html.IndexOf("id=\"unnamed\"", StringComparison.Ordinal)..html.IndexOf("id=\"ship_type\"", StringComparison.Ordinal)];
        Assert.Contains("이름이 없는 코드", unnamed);
        Assert.Matches(RowPattern("flag", flag, null, ships: 2), unnamed);
        // Once named it leaves the list, and the form offers it with its name.
        await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "flag", ["code"] = flag, ["name"] = "새 나라" }, "/codes");
        Assert.DoesNotContain($"data-code=\"{flag}\"", UnnamedSection(WebUtility.HtmlDecode(await admin.GetStringAsync("/codes"))));
        Assert.Contains($"<option value=\"{flag}\">새 나라</option>", WebUtility.HtmlDecode(await admin.GetStringAsync("/vessel/new")));
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "flag", "KOR", "", CodeRules.NameRequired },
        { "flag", "KOR", "   ", CodeRules.NameRequired },
        { "flag", "KOR", new string('가', 41), "이름이 41자입니다. 40자 이하로 줄여 입력하세요." },
        { "planet", "KOR", "대한민국", "알 수 없는 코드 종류입니다: 'planet'." },
        { "flag", "", "대한민국", CodeRules.CodeRequired },
        { "class", "LR+KR", "로이드·한국", "여러 선급을 이은 값입니다: 'LR+KR'." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_korean_error_keeps_what_was_typed_and_changes_nothing(string kind, string code, string name, string message)
    {
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = kind, ["code"] = code, ["name"] = name, ["form"] = "new" }, "/codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains(message, html);
        Assert.Contains("저장하지 않았습니다.", html);
        if (name.Trim().Length > 0)
        {
            Assert.Contains($"name=\"name\" value=\"{name}\"", html);
        }
        Assert.Equal("대한민국", (await factory.Services.GetRequiredService<CodeStore>().NamesAsync()).NameOf(CodeKind.Flag, "KOR"));
    }

    [Fact]
    public async Task A_refused_rename_in_a_row_shows_its_message_and_typed_text_in_that_row()
    {
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "ship_type", ["code"] = "BULK", ["name"] = new string('벌', 45) }, "/codes");

        var row = Regex.Match(await HtmlAsync(response), "<li class=\"code-row[^\"]*\" data-kind=\"ship_type\" data-code=\"BULK\">.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains($"value=\"{new string('벌', 45)}\"", row);
        Assert.Contains("aria-invalid=\"true\"", row);
        Assert.Contains("이름이 45자입니다.", row);
    }

    [Fact]
    public async Task Viewers_are_refused_the_page_and_their_posts_change_nothing()
    {
        var viewer = await factory.LoginAsViewerAsync();

        var page = await viewer.GetAsync("/codes");
        Assert.StartsWith("/access-denied", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(page.Headers.Location)).StatusCode);
        Assert.DoesNotContain("href=\"/codes\"", await viewer.GetStringAsync("/vessel/list"));

        var post = await viewer.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "flag", ["code"] = "KOR", ["name"] = "해킹" }, "/vessel/list");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("대한민국", (await factory.Services.GetRequiredService<CodeStore>().NamesAsync()).NameOf(CodeKind.Flag, "KOR"));
    }

    [Fact]
    public async Task Voyage_lines_are_named_on_the_voyage_list_and_detail_and_a_feed_only_line_is_flagged()
    {
        var line = NewCode("L");
        var admin = await factory.LoginAsAdminAsync();
        var vesselName = VoyageFeedClient.Unique("HYUNDAI ECOPIA");
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.Item(new { vessel_name = vesselName, line, flag = "pan", itinerary = "KRPUS → CNSHA" }));
        Assert.Matches(RowPattern("line", line, null, ships: 1), UnnamedSection(WebUtility.HtmlDecode(await admin.GetStringAsync("/codes"))));

        await admin.PostFormAsync("/codes?handler=Save", new() { ["kind"] = "line", ["code"] = line, ["name"] = "극동-유럽 4" }, "/codes");

        var list = await HtmlAsync(await admin.GetAsync($"/voyage?vessel_name={Uri.EscapeDataString(vesselName)}"));
        Assert.Contains($"<abbr class=\"code\" title=\"극동-유럽 4\">{line}</abbr>", list);
        Assert.Contains("<dt>항로 (라인)</dt>", list);
        var id = Regex.Match(list, @"href=""/voyage/(\d+)""").Groups[1].Value;
        var detail = await HtmlAsync(await admin.GetAsync($"/voyage/{id}"));
        Assert.Contains($"<dt>항로 (라인)</dt><dd><span class=\"code-name\"><span class=\"code\">{line}</span> <span class=\"code-label\">· 극동-유럽 4</span>", detail);
        Assert.Contains("<span class=\"code\">PAN</span> <span class=\"code-label\">· 파나마</span>", detail);
        Assert.Contains("<h2>기항지 순서</h2>", detail);
    }

    private static string UnnamedSection(string html) =>
        html.IndexOf("id=\"unnamed\"", StringComparison.Ordinal) is var start and >= 0
            ? html[start..html.IndexOf("id=\"ship_type\"", StringComparison.Ordinal)] : "";

    /// <summary>A /codes row: its kind and code, its ship count (if given) and its name input's value (none when unnamed).</summary>
    private static Regex RowPattern(string kind, string code, string? name, int? ships = null) => new(
        $"data-kind=\"{kind}\" data-code=\"{Regex.Escape(code)}\">.*?" +
        (ships is null ? "" : $"<span class=\"code-row-ships muted\">{ships}척</span>.*?") +
        (name is null ? "name=\"name\" placeholder" : $"name=\"name\" value=\"{Regex.Escape(name)}\""), RegexOptions.Singleline);
}
