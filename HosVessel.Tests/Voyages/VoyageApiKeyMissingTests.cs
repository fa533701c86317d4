using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Voyages;

public sealed class ApiKeyMissingFactory : HosVesselFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["API_KEY"] = "" };
}

/// <summary>The old app accepted anything when no key was configured; now the API is closed to everyone.</summary>
public sealed class VoyageApiKeyMissingTests(ApiKeyMissingFactory factory) : IClassFixture<ApiKeyMissingFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anything")]
    public async Task Every_push_is_503_API_key_not_configured_and_stores_nothing(string? key)
    {
        var response = await factory.CreateClient().PushAsync(VoyageFeedClient.ExampleBody, apiKey: key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("API key not configured", (string?)(await response.ReadJsonAsync())["error"]);
        Assert.Equal(0L, await factory.QueryScalarAsync<long>("SELECT count(*) FROM voyages"));
    }

    [Theory]
    [InlineData("/api/voyages")]
    [InlineData("/api/voyages/1")]
    public async Task The_read_API_is_503_too(string url)
    {
        var response = await factory.CreateClient().GetWithKeyAsync(url, apiKey: "anything");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("API key not configured", (string?)(await response.ReadJsonAsync())["error"]);
    }
}
