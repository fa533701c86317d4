using HosVessel.Web.Cli;

namespace HosVessel.Web.Legacy;

/// <summary><c>import-legacy &lt;path-to-vessel.db&gt; [--dry-run]</c>: the cut-over import, run by hand.</summary>
public static class ImportLegacyCommand
{
    public const string Name = "import-legacy";
    private const string Usage = "usage: import-legacy <path-to-vessel.db> [--dry-run]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var dryRun = args.Contains("--dry-run", StringComparer.Ordinal);
        var paths = args.Where(a => a != "--dry-run").ToList();
        if (paths is not [var path] || path.StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandException(Usage);
        }
        var importer = services.GetRequiredService<LegacyImporter>();
        try
        {
            var summary = await importer.ImportAsync(Path.GetFullPath(path), dryRun, cancellationToken);
            await output.WriteLineAsync(summary.ToString());
            return 0;
        }
        catch (Exception exception) when (exception is LegacyDatabaseException or LegacyImportRefusedException)
        {
            throw new CommandException(exception.Message);
        }
    }
}
