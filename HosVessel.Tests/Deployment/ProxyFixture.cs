namespace HosVessel.Tests.Deployment;

/// <summary>
/// One published app and one Caddy in front of it (the generated Caddyfile, imported under test-only
/// global options), shared by the deployment collection because publishing takes a while.
/// </summary>
public sealed class ProxyFixture : IAsyncLifetime
{
    public string PublishDirectory { get; private set; } = "";

    public WebProcess Web { get; private set; } = null!;

    public CaddyProcess Caddy { get; } = new();

    public async Task InitializeAsync()
    {
        PublishDirectory = await PublishedWeb.GetAsync();
        Web = await WebProcess.StartAsync(PublishDirectory);
        // As DEPLOY.md imports it: the public name and the upstream are the import's arguments.
        var config = Caddy.GlobalOptions + $"import {GeneratedFiles.PathOf("Caddyfile")} {CaddyProcess.Hostname} 127.0.0.1:{Web.Port}\n";
        await Caddy.StartAsync(config, "caddyfile");
        await Caddy.WaitForHttpsAsync();
    }

    public Task DisposeAsync()
    {
        Caddy.Dispose();
        Web?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<ProxyFixture>
{
    public const string Name = "Deployment";
}
