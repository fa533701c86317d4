using HosVessel.Web.Cli;

namespace HosVessel.Web.Legacy;

/// <summary>
/// <c>import-legacy &lt;path-to-vessel.db&gt; [--dry-run] [--replace [--force]]</c>: the cut-over import, run by hand.
/// <c>--replace</c> is for the app that was started before the old file was in place and made its own database.
/// </summary>
public static class ImportLegacyCommand
{
    public const string Name = DeploymentContract.ImportLegacyCommand;
    private const string Usage = "usage: import-legacy <path-to-vessel.db> [--dry-run] [--replace [--force]]";
    private static readonly string[] Switches = ["--dry-run", "--replace", "--force"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new LegacyImportOptions(
            DryRun: args.Contains("--dry-run", StringComparer.Ordinal),
            Replace: args.Contains("--replace", StringComparer.Ordinal),
            Force: args.Contains("--force", StringComparer.Ordinal));
        var paths = args.Where(a => !Switches.Contains(a, StringComparer.Ordinal)).ToList();
        if (paths is not [var path] || path.StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandException(Usage);
        }
        if (options.Force && !options.Replace)
        {
            throw new CommandException("--force only goes with --replace. " + Usage);
        }
        var importer = services.GetRequiredService<LegacyImporter>();
        try
        {
            var summary = await importer.ImportAsync(Path.GetFullPath(path), options, cancellationToken);
            await output.WriteLineAsync(summary.ToString());
            return 0;
        }
        catch (Exception exception) when (exception is LegacyDatabaseException or LegacyImportRefusedException)
        {
            throw new CommandException(exception.Message);
        }
    }
}
