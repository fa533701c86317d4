using System.CommandLine;

namespace HosVessel.Web.Cli;

/// <summary>
/// <c>healthcheck</c>: asks the running app's <c>/health</c> on localhost and exits 0 or 1,
/// so the container healthcheck needs neither curl nor wget in the image.
/// </summary>
public static class HealthProbeCommand
{
    public const string Name = DeploymentContract.HealthCheckCommand;

    public static Command Create(CliContext cli)
    {
        var command = cli.Define(Name, "Asks the running app's /health on localhost; exits 0 when healthy, else 1.", $"usage: {Name}");
        command.SetAction((_, cancellationToken) => RunAsync(cli.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var port = (Environment.GetEnvironmentVariable(DeploymentContract.HttpPortsVariable) ?? "8080").Split(';', ',')[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}{DeploymentContract.HealthPath}", cancellationToken);
            await output.WriteLineAsync($"/health: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"/health: {exception.Message}");
            return 1;
        }
    }
}
