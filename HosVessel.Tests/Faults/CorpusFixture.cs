using System.Net.Http.Headers;
using System.Text.Json;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Cli;
using Microsoft.AspNetCore.Hosting;

namespace HosVessel.Tests.Faults;

/// <summary>
/// The app on real Kestrel (so body-size limits apply as in production) with a seeded register and voyage set.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public HosVesselFactory App { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        Client = new HttpClient { BaseAddress = App.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        using var seedFile = new TempDataDirectory();
        var path = Path.Combine(seedFile.Path, "seed.json");
        await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(Fleet.Vessels("SEED", 1, 5)));
        var output = new StringWriter();
        var exitCode = await CliCommands.InvokeAsync(App.Services, ["import-vessels", path], output, output);
        Assert.True(exitCode == 0, $"seeding the register failed: {output}");

        voyagesSeeded = new Lazy<Task>(SeedVoyagesAsync);
    }

    private Lazy<Task> voyagesSeeded = null!;

    /// <summary>Pushes the initial voyage set once, for the tests that check a bad push leaves it alone.</summary>
    public Task EnsureVoyagesSeededAsync() => voyagesSeeded.Value;

    private async Task SeedVoyagesAsync()
    {
        using var push = await PushAsync(new ByteArrayContent(Fleet.Push("SEED", 8, "0001"))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        });
        Assert.True(push.IsSuccessStatusCode, $"seeding voyages failed: {(int)push.StatusCode} {await push.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpResponseMessage> PushAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage") { Content = content };
        request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        return await Client.SendAsync(request);
    }

    public async Task AssertHealthyAsync()
    {
        using var health = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
