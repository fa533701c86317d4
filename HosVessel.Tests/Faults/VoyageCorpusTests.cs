using System.Text;
using System.Text.Json;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Faults;

public sealed class VoyageCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private static readonly IReadOnlyList<CorpusCase> All = CorpusCase.Load("voyage",
    [
        new(CorpusCase.GeneratedPrefix + "no-content-type", 415, null, "content.?type|json",
            () => Fleet.Push("CORPUS", 1, "0001")),
        new(CorpusCase.GeneratedPrefix + "5001-items", 400, "application/json", "5[,. ]?000|too many|items",
            () => Fleet.Push("CORPUS", 5001, "0001")),
        new(CorpusCase.GeneratedPrefix + "10mb-string-over-body-limit", 413, "application/json", "10|large|size|limit|MB",
            () => Item("CORPUS", new string('A', TenMegabytes + 1024))),
        new(CorpusCase.GeneratedPrefix + "9mb-itinerary-with-empty-name", 400, "application/json", "vessel_name|선박명",
            () => Item("", new string('A', 9 * 1024 * 1024))),
    ]);

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_push_is_refused_with_json_naming_the_problem_and_stores_nothing(string name)
    {
        var corpusCase = All.Single(c => c.Name == name);
        await fixture.EnsureVoyagesSeededAsync();
        var before = await StoredData.FingerprintAsync(fixture.App.DatabasePath);

        using var response = await fixture.PushAsync(corpusCase.CreateContent());

        await AssertRefusedAsync(corpusCase, response);
        Assert.Equal(before, await StoredData.FingerprintAsync(fixture.App.DatabasePath));
        await fixture.AssertHealthyAsync();
    }

    [Fact]
    public async Task Body_over_ten_megabytes_without_a_length_is_refused_while_streaming()
    {
        var corpusCase = All.Single(c => c.Name.EndsWith("10mb-string-over-body-limit"));
        await fixture.EnsureVoyagesSeededAsync();
        var before = await StoredData.FingerprintAsync(fixture.App.DatabasePath);

        using var response = await fixture.PushAsync(corpusCase.CreateContent(chunked: true));

        await AssertRefusedAsync(corpusCase, response);
        Assert.Equal(before, await StoredData.FingerprintAsync(fixture.App.DatabasePath));
        await fixture.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_push_saved_with_a_utf8_byte_order_mark_is_accepted_like_the_old_app_did()
    {
        await fixture.EnsureVoyagesSeededAsync();
        var body = (byte[])[0xEF, 0xBB, 0xBF, .. Fleet.Push("SEED", 8, "0777")];

        using var response = await fixture.PushAsync(new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.All(await StoredData.VoyagesAsync(fixture.App.DatabasePath), voyage => Assert.Equal("0777", voyage.VoyNo));
    }

    [Fact]
    public void Corpus_has_at_least_fifty_cases_between_the_feed_and_the_import()
    {
        var files = Directory.GetFiles(CorpusCase.Folder("voyage")).Length + Directory.GetFiles(CorpusCase.Folder("import")).Length - 2;
        Assert.True(files >= 50, $"{files} corpus files");
        Assert.All(Directory.GetFiles(CorpusCase.Folder("voyage")).Select(Path.GetFileName).Where(f => f != "cases.tsv"),
            file => Assert.Contains(All, c => c.Name == file));
    }

    private static async Task AssertRefusedAsync(CorpusCase corpusCase, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(corpusCase.ExpectedStatus == (int)response.StatusCode,
            $"{corpusCase.Name}: expected {corpusCase.ExpectedStatus}, got {(int)response.StatusCode}: {CorpusCase.Shorten(body)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using (var document = JsonDocument.Parse(body))
        {
            Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("error").ValueKind);
        }
        corpusCase.AssertMessageNamesTheProblem(CorpusCase.ErrorText(body));
    }

    private static byte[] Item(string vesselName, string itinerary) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { new { vessel_name = vesselName, itinerary } }));
}
