using System.CommandLine;
using HosVessel.Web.Cli;

namespace HosVessel.Web.Vessels;

/// <summary><c>import-vessels &lt;file&gt; [--skip-invalid]</c>: the same importer as <c>/vessel/import</c>, from a terminal, for files of any size.</summary>
public static class ImportVesselsCommand
{
    public const string Name = "import-vessels";
    public const string SkipInvalidOption = "--skip-invalid";

    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A .json or .csv file of vessels, as /vessel/import takes" };
        var skipInvalid = new Option<bool>(SkipInvalidOption) { Description = "Import the valid rows even when others are rejected" };
        var command = cli.Define(Name, "Adds and updates register vessels from a file; nothing changes if any row is rejected.",
            $"usage: {Name} <file.json|file.csv> [{SkipInvalidOption}]");
        command.Arguments.Add(file);
        command.Options.Add(skipInvalid);
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(cli.Services, parsed.GetRequiredValue(file), parsed.GetValue(skipInvalid), cli.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string file, bool skipInvalid, TextWriter output, CancellationToken cancellationToken)
    {
        if (file.StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandException($"usage: {Name} <file.json|file.csv> [{SkipInvalidOption}]");
        }
        if (!File.Exists(file))
        {
            throw new CommandException($"file not found: {file}");
        }
        // Read as it goes and without the upload's limits: a register of 100,000 vessels is one file.
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        var summary = await services.GetRequiredService<VesselImporter>().ImportAsync(stream, skipInvalid, "cli", ImportLimits.None, cancellationToken);
        if (summary.Error is not null)
        {
            throw new CommandException($"{file}: {summary.Error} (nothing changed)");
        }
        await output.WriteLineAsync(summary.Applied
            ? $"added {summary.Added}, updated {summary.Updated}, rejected {summary.Rejected.Count}, unchanged {summary.Unchanged}"
            : $"added 0, updated 0, rejected {summary.Rejected.Count}: nothing changed " +
              $"(the valid rows would add {summary.Added} and update {summary.Updated}; use {SkipInvalidOption} to import them)");
        foreach (var rejection in summary.Rejected)
        {
            await output.WriteLineAsync($"  row {rejection.Row} ({rejection.Vessel ?? "-"}): {rejection.Reason.Replace("\n", "\n      ", StringComparison.Ordinal)}");
        }
        foreach (var change in summary.Applied ? summary.Changes : [])
        {
            await output.WriteLineAsync($"  row {change.Row} ({change.Vessel}): changed {string.Join(", ", change.Fields)}");
        }
        foreach (var warning in summary.Warnings)
        {
            await output.WriteLineAsync($"  row {warning.Row} ({warning.Vessel ?? "-"}): warning: {warning.Reason}");
        }
        return summary.Succeeded ? 0 : 1;
    }
}
