using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Voyages;

/// <summary>Each push is the whole fleet; ids survive as long as the vessel stays in the feed.</summary>
public sealed class VoyageFeedIdentityTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private async Task<Dictionary<string, long>> IdsByNameAsync(HttpClient client)
    {
        var list = await (await client.GetWithKeyAsync("/api/voyages")).ReadJsonAsync();
        return list["items"]!.AsArray().ToDictionary(item => (string)item!["vessel_name"]!, item => (long)item!["id"]!);
    }

    [Fact]
    public async Task A_voyage_keeps_its_id_and_detail_url_across_pushes()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync("""[{"vessel_name": "HMM STABLE", "voy_no": "0001"}, {"vessel_name": "HMM OTHER"}]""");
        var before = await IdsByNameAsync(client);

        await client.PushOkAsync("""[{"vessel_name": "hmm   stable", "voy_no": "0002"}, {"vessel_name": "HMM OTHER"}]""");
        var after = await IdsByNameAsync(client);

        Assert.Equal(before, after);
        var voyage = await (await client.GetWithKeyAsync($"/api/voyages/{before["HMM STABLE"]}")).ReadJsonAsync();
        Assert.Equal("0002", (string?)voyage["voy_no"]);
    }

    [Fact]
    public async Task Vessels_absent_from_the_push_are_removed()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items("GONE A", "STAYS B", "GONE C"));
        var staysId = (await IdsByNameAsync(client))["STAYS B"];

        await client.PushOkAsync(VoyageFeedClient.Items("STAYS B", "NEW D"));

        var after = await IdsByNameAsync(client);
        Assert.Equal(["NEW D", "STAYS B"], after.Keys.Order());
        Assert.Equal(staysId, after["STAYS B"]);
    }

    [Fact]
    public async Task A_vessel_created_after_the_push_links_its_voyage()
    {
        var name = VoyageFeedClient.Unique("HMM LATE");
        var client = factory.CreateClient();
        var answer = await client.PushOkAsync(VoyageFeedClient.Items(name));
        Assert.Equal([name], answer["unlinked"]!.AsArray().Select(n => (string?)n));
        var id = (await IdsByNameAsync(client))[name];

        var vesselId = await factory.InsertRegisterVesselAsync(name.ToLowerInvariant().Replace(" ", "  "));

        var voyage = await (await client.GetWithKeyAsync($"/api/voyages/{id}")).ReadJsonAsync();
        Assert.Equal(vesselId, (long)voyage["vessel_id"]!);
        var page = await (await factory.LoginAsAdminAsync()).GetStringAsync($"/voyage/{id}");
        Assert.Contains($"href=\"/vessel/{vesselId}\"", page);
    }

    [Fact]
    public async Task An_unknown_voyage_id_is_a_JSON_404()
    {
        var response = await factory.CreateClient().GetWithKeyAsync("/api/voyages/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Voyage not found", (string?)(await response.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task The_read_API_filters_like_the_page_and_pages_by_20()
    {
        var client = factory.CreateClient();
        var items = Enumerable.Range(1, 25).Select(i => new
        {
            vessel_name = $"FLEET {i:D2}",
            line = i % 2 == 0 ? "FE4" : "TP7",
            safety_supervisor = i == 3 ? "장성욱" : "박",
            ops_supervisor = i == 4 ? "강문수" : "최",
            captain = i == 5 ? "Lee Sangpil" : "x",
            chief_engineer = i == 6 ? "문학병" : "y",
        });
        await client.PushOkAsync(System.Text.Json.JsonSerializer.Serialize(items));

        var all = await (await client.GetWithKeyAsync("/api/voyages")).ReadJsonAsync();
        Assert.Equal(25, (int)all["total_count"]!);
        Assert.Equal(20, all["items"]!.AsArray().Count);
        Assert.Equal("FLEET 01", (string?)all["items"]![0]!["vessel_name"]);
        var second = await (await client.GetWithKeyAsync("/api/voyages?page=2")).ReadJsonAsync();
        Assert.Equal(["FLEET 21", "FLEET 22", "FLEET 23", "FLEET 24", "FLEET 25"],
            second["items"]!.AsArray().Select(n => (string?)n!["vessel_name"]));

        async Task<string[]> NamesAsync(string query) =>
            [.. (await (await client.GetWithKeyAsync("/api/voyages?" + query)).ReadJsonAsync())["items"]!.AsArray()
                .Select(n => (string)n!["vessel_name"]!)];
        Assert.Equal(["FLEET 10", "FLEET 11", "FLEET 12", "FLEET 13"], (await NamesAsync("vessel_name=eet%201&line="))[..4]);
        Assert.Equal(12, (await NamesAsync("line=fe")).Length);
        Assert.Equal(["FLEET 03"], await NamesAsync("supervisor=" + Uri.EscapeDataString("성욱")));
        Assert.Equal(["FLEET 04"], await NamesAsync("supervisor=" + Uri.EscapeDataString("강문")));
        Assert.Equal(["FLEET 05"], await NamesAsync("s_crew=SANGPIL"));
        Assert.Equal(["FLEET 06"], await NamesAsync("s_crew=" + Uri.EscapeDataString("문학")));
        Assert.Empty(await NamesAsync("line=fe4&s_crew=SANGPIL"));
    }
}
