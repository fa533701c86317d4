using System.CommandLine;
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

    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path-to-vessel.db") { Description = "The Flask app's SQLite file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be imported and write nothing" };
        var replace = new Option<bool>("--replace") { Description = "Back up the app's own database beside it, then import over it" };
        var force = new Option<bool>("--force") { Description = "With --replace: also when that database holds more than the first-start admin" };
        var command = cli.Define(Name, "Imports the old Flask app's users, vessels and voyages into the empty database.", Usage);
        command.Arguments.Add(path);
        command.Options.Add(dryRun);
        command.Options.Add(replace);
        command.Options.Add(force);
        command.SetAction((parsed, cancellationToken) => RunAsync(cli.Services, parsed.GetRequiredValue(path),
            new LegacyImportOptions(parsed.GetValue(dryRun), parsed.GetValue(replace), parsed.GetValue(force)), cli.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string path, LegacyImportOptions options,
        TextWriter output, CancellationToken cancellationToken)
    {
        if (path.StartsWith("--", StringComparison.Ordinal))
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
