using HosVessel.Web.Cli;

namespace HosVessel.Web.Vessels;

/// <summary><c>import-vessels &lt;file&gt; [--skip-invalid]</c>: the same importer as <c>/vessel/import</c>, from a terminal.</summary>
public static class ImportVesselsCommand
{
    public const string Name = "import-vessels";
    public const string SkipInvalidOption = "--skip-invalid";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var skipInvalid = args.Contains(SkipInvalidOption, StringComparer.Ordinal);
        var files = args.Where(a => a != SkipInvalidOption).ToList();
        if (files.Count != 1 || files[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandException($"usage: {Name} <file.json|file.csv> [{SkipInvalidOption}]");
        }
        if (!File.Exists(files[0]))
        {
            throw new CommandException($"file not found: {files[0]}");
        }
        await using var stream = File.OpenRead(files[0]);
        var summary = await services.GetRequiredService<VesselImporter>().ImportAsync(stream, skipInvalid, "cli", cancellationToken);
        if (summary.Error is not null)
        {
            throw new CommandException($"{files[0]}: {summary.Error} (nothing changed)");
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
