using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Deployment;

/// <summary>The generated compose file and Caddyfile pass the real validators the mini PC's tools use.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ComposeFileTests
{
    [Fact]
    public async Task Compose_file_passes_docker_compose_config_with_an_env_made_from_the_example()
    {
        using var copy = GeneratedFiles.ComposeCopyWithEnv();

        var (exitCode, output) = await ChildProcess.RunAsync("docker-compose",
            ["-f", Path.Combine(copy.Path, "docker-compose.yaml"), "config", "-q"], workingDirectory: copy.Path);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Telemetry_profile_adds_the_pinned_dashboard_on_loopback_only()
    {
        using var copy = GeneratedFiles.ComposeCopyWithEnv();
        var file = Path.Combine(copy.Path, "docker-compose.yaml");

        var (exitCode, with) = await ChildProcess.RunAsync("docker-compose",
            ["-f", file, "--profile", "telemetry", "config"], workingDirectory: copy.Path);

        Assert.True(exitCode == 0, with);
        // Started only with --profile telemetry; "up" without it leaves the dashboard out.
        Assert.Matches(@"profiles:\s+- telemetry", with);
        Assert.Matches(@"image: mcr\.microsoft\.com/dotnet/aspire-dashboard:13\.\d+", with);
        Assert.Contains("127.0.0.1:18888:18888", with);
    }

    [Fact]
    public void Web_environment_has_what_the_container_needs_and_no_secrets()
    {
        var environment = GeneratedFiles.WebEnvironment();

        Assert.Equal("Data Source=/app/data/hosvessel.db", environment["ConnectionStrings__vessels"]);
        Assert.Equal("5000", environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("Asia/Seoul", environment["TZ"]);
        Assert.Equal("web", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("false", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", environment.Keys);
        Assert.DoesNotContain("API_KEY", environment.Keys);
        Assert.DoesNotContain("ADMIN_PASSWORD", environment.Keys);
    }

    [Fact]
    public void Env_example_lists_every_operator_variable_with_a_korean_comment()
    {
        var lines = File.ReadAllLines(GeneratedFiles.PathOf(".env.example"));
        string[] variables = ["API_KEY", "ADMIN_USERNAME", "ADMIN_PASSWORD", "HOS_PORT", "HOS_BIND", "HOS_DATA_DIR",
            "HOS_DOMAIN", "OTEL_EXPORTER_OTLP_ENDPOINT", "FORWARDED_TRUSTED_NETWORKS"];

        foreach (var variable in variables)
        {
            var index = Array.FindIndex(lines, l => l.StartsWith(variable + "=", StringComparison.Ordinal));
            Assert.True(index > 0, $"{variable} is missing from .env.example");
            var comments = lines[..index].Reverse().TakeWhile(l => l.StartsWith('#')).ToList();
            Assert.Contains(comments, c => System.Text.RegularExpressions.Regex.IsMatch(c, "[가-힣]"));
        }
    }

    [Fact]
    public async Task Caddyfile_imported_as_deploy_md_shows_passes_caddy_validate()
    {
        using var home = new Infrastructure.TempDataDirectory();
        var environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = home.Path,
            ["XDG_DATA_HOME"] = home.Path,
            ["HOME"] = home.Path,
        };
        // The operator's /etc/caddy/Caddyfile: their own options, then DEPLOY.md's import line with its two arguments.
        var main = Path.Combine(home.Path, "Caddyfile");
        await File.WriteAllTextAsync(main,
            $"{{\n\tstorage file_system {home.Path}/storage\n\tskip_install_trust\n}}\n" +
            $"import {GeneratedFiles.PathOf("Caddyfile")} hos.example.com localhost:5000\n");

        var (exitCode, output) = await ChildProcess.RunAsync("caddy",
            ["validate", "--config", main, "--adapter", "caddyfile"], environment, home.Path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Valid configuration", output);
    }
}
