using HosVessel.Web.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Foundation;

/// <summary>What an operator at the terminal sees from <c>--help</c> and from a mistyped command line.</summary>
public sealed class CliTests
{
    // Help and argument errors never reach the app's services: none are given.
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CliCommands.InvokeAsync(NoServices, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.All(["healthcheck", "import-legacy", "backup", "import-vessels"], name => Assert.Contains(name, output));
    }

    [Theory]
    [InlineData("healthcheck", "")]
    [InlineData("import-legacy", "--dry-run")]
    [InlineData("backup", "<dir>")]
    [InlineData("import-vessels", "--skip-invalid")]
    public async Task Every_command_has_help_naming_its_arguments_and_options(string command, string mentioned)
    {
        var (exitCode, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains($"{command}", output);
        Assert.Contains("Usage:", output);
        Assert.Contains(mentioned, output);
    }

    [Theory]
    [InlineData("usage: import-legacy <path-to-vessel.db> [--dry-run] [--replace [--force]]", "import-legacy", "--dry-run")]
    [InlineData("usage: import-legacy <path-to-vessel.db> [--dry-run] [--replace [--force]]", "import-legacy", "a.db", "b.db")]
    [InlineData("usage: backup [<dir>]", "backup", "one", "two")]
    [InlineData("usage: import-vessels <file.json|file.csv> [--skip-invalid]", "import-vessels", "--skip-invalid")]
    [InlineData("usage: import-vessels <file.json|file.csv> [--skip-invalid]", "import-vessels", "fleet.csv", "--skip-invalid-rows")]
    public async Task A_wrong_command_line_prints_the_usage_line_first_and_what_was_wrong(string usage, params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{args[0]}: {usage}", lines[0]);
        Assert.True(lines.Length > 1, error);
    }
}
