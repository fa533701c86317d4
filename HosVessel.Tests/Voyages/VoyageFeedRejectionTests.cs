using System.Net.Http.Headers;
using System.Text;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Voyages;

/// <summary>Each row of the "where the old app failed" table; every refused push leaves the voyages as they were.</summary>
public sealed class VoyageFeedRejectionTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private async Task<HttpClient> SeededClientAsync(params string[] names)
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items(names.Length == 0 ? ["SEED ONE", "SEED TWO"] : names));
        return client;
    }

    private async Task AssertUnchangedAsync(params string[] names) =>
        Assert.Equal(string.Join(",", names.Length == 0 ? ["SEED ONE", "SEED TWO"] : names),
            await factory.QueryScalarAsync<string>("SELECT group_concat(vessel_name, ',') FROM (SELECT vessel_name FROM voyages ORDER BY vessel_name)"));

    [Fact]
    public async Task An_empty_array_is_400_saying_how_many_voyages_it_would_erase()
    {
        var client = await SeededClientAsync("EMPTY A", "EMPTY B", "EMPTY C");

        var response = await client.PushAsync("[]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)(await response.ReadJsonAsync())["error"];
        Assert.Contains("empty push would erase 3 voyages", error);
        Assert.Contains("DELETE /api/voyage", error);
        await AssertUnchangedAsync("EMPTY A", "EMPTY B", "EMPTY C");
    }

    [Fact]
    public async Task Clearing_is_the_explicit_DELETE_with_the_key()
    {
        var client = await SeededClientAsync();
        var withoutKey = await client.DeleteAsync("/api/voyage");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        await AssertUnchangedAsync();

        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/voyage");
        request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)(await response.ReadJsonAsync())["removed"]!);
        Assert.Equal(0L, await factory.QueryScalarAsync<long>("SELECT count(*) FROM voyages"));
    }

    [Fact]
    public async Task A_JSON_object_instead_of_an_array_is_400_naming_the_problem()
    {
        var client = await SeededClientAsync();

        var response = await client.PushAsync(VoyageFeedClient.Item(new { vessel_name = "X" })[1..^1]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body must be a JSON array of voyages, but it is an object", (string?)(await response.ReadJsonAsync())["error"]);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("""[{"line": "FE4"}]""", "[0].vessel_name: required and must not be empty")]
    [InlineData("""[{"vessel_name": "OK"}, {"vessel_name": "  "}]""", "[1].vessel_name: required and must not be empty")]
    [InlineData("""[{"vessel_name": "OK"}, {"vessel_name": null}]""", "[1].vessel_name: required and must not be empty")]
    [InlineData("""[{"vessel_name": "OK", "captain": {"name": "Kim"}}]""", "[0].captain: expected text, got an object")]
    [InlineData("""[{"vessel_name": "OK", "next_port": {"eta": ["2026-03-21"]}}]""", "[0].next_port.eta: expected text, got an array")]
    [InlineData("""[{"vessel_name": "OK", "psc_inspection": "Tokyo"}]""", "[0].psc_inspection: expected an object, got a string")]
    [InlineData("""[{"vessel_name": true}]""", "[0].vessel_name: expected text, got a boolean")]
    [InlineData("""[{"vessel_name": "OK"}, "HMM"]""", "[1]: expected an object, got a string")]
    public async Task An_item_problem_is_400_with_its_index_and_field_path(string body, string detail)
    {
        var client = await SeededClientAsync();

        var response = await client.PushAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal([detail], error["details"]!.AsArray().Select(n => (string?)n));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Item_problems_are_capped_at_50_details()
    {
        var client = await SeededClientAsync();
        var body = "[" + string.Join(",", Enumerable.Repeat("""{"line": "FE4"}""", 120)) + "]";

        var error = await (await client.PushAsync(body)).ReadJsonAsync();

        Assert.Equal("120 problems in the items", (string?)error["error"]);
        Assert.Equal(50, error["details"]!.AsArray().Count);
        Assert.Equal("[49].vessel_name: required and must not be empty", (string?)error["details"]![49]);
    }

    [Theory]
    [InlineData("[{\"vessel_name\": \"X\",}]")]
    [InlineData("[{\"vessel_name\": \"X\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_JSON_is_a_JSON_400(string body)
    {
        var client = await SeededClientAsync();

        var response = await client.PushAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal("Malformed JSON", (string?)error["error"]);
        Assert.Single(error["details"]!.AsArray());
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_wrong_content_type_is_a_JSON_415(string contentType)
    {
        var client = await SeededClientAsync();

        var response = await client.PushAsync(VoyageFeedClient.Items("WRONG TYPE"), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Type must be application/json", (string?)(await response.ReadJsonAsync())["error"]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413()
    {
        var client = await SeededClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("[\"" + new string('x', 10 * 1024 * 1024) + "\"]")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The body is larger than 10 MB", (string?)(await response.ReadJsonAsync())["error"]);
        await AssertUnchangedAsync();
        var logged = (await factory.FeedLogAsync())[0];
        Assert.Equal((413, "The body is larger than 10 MB"), (logged.StatusCode, logged.FirstError));
    }

    [Fact]
    public async Task More_than_5000_items_is_400_and_exactly_5000_is_accepted()
    {
        var client = await SeededClientAsync();
        var names = Enumerable.Range(0, 5001).Select(i => $"BULK {i:D4}").ToArray();

        var tooMany = await client.PushAsync(VoyageFeedClient.Items(names));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("Too many items: 5,001 (the limit is 5,000 per push)", (string?)(await tooMany.ReadJsonAsync())["error"]);
        await AssertUnchangedAsync();

        var answer = await client.PushOkAsync(VoyageFeedClient.Items(names[..5000]));
        Assert.Equal(5000, (int)answer["received"]!);
        Assert.Equal(5000L, await factory.QueryScalarAsync<long>("SELECT count(*) FROM voyages"));
    }

    [Fact]
    public async Task The_same_vessel_twice_keeps_the_last_and_lists_the_duplicate()
    {
        var client = factory.CreateClient();

        var answer = await client.PushOkAsync("""
            [{"vessel_name": "HMM TWICE", "voy_no": "0001"}, {"vessel_name": "OTHER"},
             {"vessel_name": "hmm  twice", "voy_no": "0002"}]
            """);

        Assert.Equal(["HMM TWICE"], answer["duplicates"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(1L, await factory.QueryScalarAsync<long>("SELECT count(*) FROM voyages WHERE vessel_name = 'HMM TWICE'"));
        Assert.Equal("0002", await factory.QueryScalarAsync<string>("SELECT voy_no FROM voyages WHERE vessel_name = 'HMM TWICE'"));
    }
}
