using System.CommandLine;
using HosVessel.Web.Cli;

namespace HosVessel.Web.Legacy;

/// <summary><c>import-legacy &lt;path-to-vessel.db&gt; [--dry-run]</c>: the cut-over import, run by hand.</summary>
public static class ImportLegacyCommand
{
    public const string Name = "import-legacy";
    private const string Usage = "usage: import-legacy <path-to-vessel.db> [--dry-run]";

    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path-to-vessel.db") { Description = "The Flask app's SQLite file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be imported and write nothing" };
        // Issue 15 gives these their meaning; they are declared here so its change only fills in the importer call.
        var replace = new Option<bool>("--replace") { Description = "Replace data an earlier import wrote" };
        var force = new Option<bool>("--force") { Description = "With --replace: also when the app has changed data since" };
        var command = cli.Define(Name, "Imports the old Flask app's users, vessels and voyages into the empty database.", Usage);
        command.Arguments.Add(path);
        command.Options.Add(dryRun);
        command.Options.Add(replace);
        command.Options.Add(force);
        command.SetAction((parsed, cancellationToken) => RunAsync(cli.Services, parsed.GetRequiredValue(path), parsed.GetValue(dryRun),
            parsed.GetValue(replace), parsed.GetValue(force), cli.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string path, bool dryRun, bool replace, bool force,
        TextWriter output, CancellationToken cancellationToken)
    {
        if (path.StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandException(Usage);
        }
        if (replace || force)
        {
            // STUB (issue 15): pass replace and force to LegacyImporter.ImportAsync once it takes them.
            throw new CommandException("--replace and --force are not available in this version");
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
