using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using HosVessel.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Faults;

/// <summary>
/// Hostile requests to pages and the read API (<c>Corpus/http/cases.tsv</c>), sent by a signed-in admin to the
/// app on real Kestrel: each gets its status (never a 500) with a Korean page or JSON, and the register and voyages stay as they were.
/// </summary>
public sealed class HttpCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private static readonly IReadOnlyList<string[]> Cases = [.. File.ReadLines(Path.Combine(CorpusCase.Folder("http"), "cases.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))];

    public static TheoryData<string> Names => [.. Cases.Select(c => c[0])];

    private HttpClient? admin;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_request_gets_its_4xx_with_a_korean_answer_and_changes_nothing(string name)
    {
        var (method, path, status, bodyKind, pattern) = Cases.Single(c => c[0] == name) switch { var c => (c[1], c[2], int.Parse(c[3]), c[4], c[5]) };
        var client = await AdminAsync();
        var before = await StoredData.FingerprintAsync(fixture.App.DatabasePath);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (bodyKind != "-")
        {
            request.Content = await BodyAsync(client, bodyKind, path);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {CorpusCase.Shorten(Regex.Match(body, "<h1>.*?</h1>", RegexOptions.Singleline).Value + body)}");
        if (pattern != "-")
        {
            Assert.Matches(new Regex(pattern, RegexOptions.IgnoreCase), WebUtility.HtmlDecode(body));
        }
        if (response.Headers.Location is { } location)
        {
            Assert.True(location.OriginalString.All(char.IsAscii) && !location.OriginalString.Any(char.IsControl), location.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location)).StatusCode);
        }
        Assert.Equal(before, await StoredData.FingerprintAsync(fixture.App.DatabasePath));
        await fixture.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_login_with_a_korean_return_url_lands_there_and_leaves_no_session_without_a_cookie()
    {
        var client = NewClient();
        var sessionsBefore = await CountSessionsAsync();

        var response = await client.PostAsync("/login?ReturnUrl=%2Fvessel%2Flist%3Fname%3D%ED%98%84%EB%8C%80",
            await LoginFormAsync(client, "/login"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/vessel/list?name=%ED%98%84%EB%8C%80", response.Headers.Location!.OriginalString);
        Assert.Contains("value=\"현대\"", await client.GetStringAsync(response.Headers.Location));
        Assert.Equal(sessionsBefore + 1, await CountSessionsAsync());
    }

    [Fact]
    public void Corpus_lists_every_case_once()
    {
        Assert.Equal(Cases.Count, Cases.Select(c => c[0]).Distinct().Count());
        Assert.All(Cases, c => Assert.Equal(6, c.Length));
    }

    private async Task<HttpContent> BodyAsync(HttpClient client, string kind, string path)
    {
        switch (kind)
        {
            case "login-admin":
                return await LoginFormAsync(client, "/login");
            case "login-nul":
                return new StringContent(
                    $"username=ad%00min&password=x%00y&__RequestVerificationToken={Uri.EscapeDataString(await client.GetAntiforgeryTokenAsync("/login"))}",
                    Encoding.UTF8, "application/x-www-form-urlencoded");
            case "vessel-raw-nul":
                return Raw($"name=RAW\0NUL&imo_no=9074729&__RequestVerificationToken={Uri.EscapeDataString(await client.GetAntiforgeryTokenAsync("/vessel/new"))}");
            case "vessel-5mb-field":
                return Raw($"name={new string('N', 5 * 1024 * 1024)}&__RequestVerificationToken={Uri.EscapeDataString(await client.GetAntiforgeryTokenAsync("/vessel/new"))}");
        }
        var token = await client.GetAntiforgeryTokenAsync(path);
        if (kind == "import-bad-multipart")
        {
            var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n[1,2"));
            broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
            return broken;
        }
        var file = kind switch
        {
            "import-12mb" => new byte[12 * 1024 * 1024],
            "import-empty-string" => "\"\""u8.ToArray(),
            "import-lone-surrogate" => Encoding.UTF8.GetBytes(
                """[{"name":"HYUNDAI \ud800","imo_no":"9074729","ship_code":"HLS1","ship_type":"CNTR","size":"1K","flag":"KOR","ro":"KR","class":"KR","tic":"CT1","crew":"CM1"}]"""),
            "import-lone-surrogate-key" => Encoding.UTF8.GetBytes("""[{"name":"HYUNDAI LONE","na\udc00me":"x"}]"""),
            _ => throw new ArgumentException($"no body generator named {kind}"),
        };
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "file", "vessels.json");
        return form;
    }

    private static ByteArrayContent Raw(string form) =>
        new(Encoding.UTF8.GetBytes(form)) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } };

    private static async Task<FormUrlEncodedContent> LoginFormAsync(HttpClient client, string page) => new(new Dictionary<string, string>
    {
        ["username"] = HosVesselFactory.AdminUsername,
        ["password"] = HosVesselFactory.AdminPassword,
        ["__RequestVerificationToken"] = await client.GetAntiforgeryTokenAsync(page),
    });

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = fixture.App.ClientOptions.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private async Task<HttpClient> AdminAsync()
    {
        if (admin is null)
        {
            admin = NewClient();
            var login = await admin.PostAsync("/login", await LoginFormAsync(admin, "/login"));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        return admin;
    }

    private async Task<long> CountSessionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.App.DatabasePath};Mode=ReadOnly;Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM user_sessions");
    }
}
