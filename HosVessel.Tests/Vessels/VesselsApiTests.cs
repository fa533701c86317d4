using System.Net.Http.Json;
using System.Text.Json;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.ApiKeys;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

public sealed class VesselsApiTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private async Task<VesselFields> CreateAsync(string? name = null)
    {
        var fields = VesselSamples.Valid(name);
        Assert.True((await factory.Services.GetRequiredService<VesselStore>().CreateAsync(fields)).Succeeded);
        return fields;
    }

    private HttpClient KeyClient()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyOptions.HeaderName, HosVesselFactory.ApiKey);
        return client;
    }

    [Fact]
    public async Task Api_key_returns_a_vessel_by_imo_with_the_snake_case_keys_and_id()
    {
        var fields = await CreateAsync();

        var json = await KeyClient().GetFromJsonAsync<JsonElement>($"/api/vessels/{fields.ImoNo}");

        var keys = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["id", .. VesselFieldTable.All.Select(f => f.Key)], keys);
        Assert.Equal(fields.Name, json.GetProperty("name").GetString());
        Assert.Equal("DNV/KR", json.GetProperty("class").GetString());
        Assert.True(json.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task List_filters_and_pages_like_the_list_page()
    {
        var tag = "API" + VesselSamples.NewShipCode();
        for (var i = 0; i < 21; i++)
        {
            await CreateAsync($"{tag} {i:00}");
        }

        var page2 = await KeyClient().GetFromJsonAsync<JsonElement>($"/api/vessels?name={tag.ToLowerInvariant()}&page=2&sort=name&dir=desc");

        Assert.Equal(21, page2.GetProperty("total").GetInt64());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        var item = Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal($"{tag} 00", item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_logged_in_session_may_read_without_a_key()
    {
        var fields = await CreateAsync();
        var viewer = await factory.LoginAsViewerAsync();

        var response = await viewer.GetAsync($"/api/vessels/{fields.ImoNo}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_key_or_a_wrong_key_is_refused_with_401()
    {
        var anonymous = factory.CreateClient();
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add(ApiKeyOptions.HeaderName, "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/vessels")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/vessels/9074729")).StatusCode);
    }

    [Fact]
    public async Task Unknown_imo_is_404_json()
    {
        var response = await KeyClient().GetAsync("/api/vessels/1000007");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Vessel not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
