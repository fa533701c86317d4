using System.Diagnostics;
using System.Text;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Faults;

/// <summary>
/// The built HosVessel.Web.dll run as a child process in Production, as the container runs it,
/// so a test can SIGKILL it and start it again on the same data folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly StringBuilder log = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process process;

    private AppProcess(Process process) => this.process = process;

    public Uri BaseAddress { get; private init; } = null!;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public Task WaitForExitAsync() => process.WaitForExitAsync();

    public static string WebDirectory { get; } = FindWebDirectory();

    /// <summary>Starts the server and returns once it has logged that it is listening.</summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory)
    {
        var port = Deployment.ChildProcess.FreePort();
        var app = new AppProcess(Launch(dataDirectory, [], $"http://127.0.0.1:{port}"))
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        app.Capture();
        var exited = app.process.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var first = await Task.WhenAny(app.started.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token));
        Assert.True(first == app.started.Task, $"the app did not start:\n{app.Log}");
        return app;
    }

    /// <summary>Runs a CLI command such as <c>import-vessels</c> to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, params string[] args)
    {
        await using var command = StartCommand(dataDirectory, args);
        await command.process.WaitForExitAsync();
        return (command.process.ExitCode, command.Log);
    }

    /// <summary>Starts a CLI command without waiting, so a test can kill it midway.</summary>
    public static AppProcess StartCommand(string dataDirectory, params string[] args)
    {
        var command = new AppProcess(Launch(dataDirectory, args, urls: null));
        command.Capture();
        return command;
    }

    public HttpClient CreateClient(bool cookies = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static Process Launch(string dataDirectory, string[] args, string? urls)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WebDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(WebDirectory, "HosVessel.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__vessels"] = $"Data Source={Path.Combine(dataDirectory, "hosvessel.db")}";
        start.Environment["API_KEY"] = HosVesselFactory.ApiKey;
        start.Environment["ADMIN_USERNAME"] = HosVesselFactory.AdminUsername;
        start.Environment["ADMIN_PASSWORD"] = HosVesselFactory.AdminPassword;
        start.Environment["Backup__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (urls is not null)
        {
            start.Environment["ASPNETCORE_URLS"] = urls;
        }
        return Process.Start(start)!;
    }

    private void Capture()
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }

    // The Web project's own build output, which the test project's build has just produced.
    private static string FindWebDirectory()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var directory = Path.Combine(RepositoryRoot.Path, "HosVessel.Web", "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(directory, "HosVessel.Web.dll")), $"build HosVessel.Web first: {directory}");
        return directory;
    }
}
