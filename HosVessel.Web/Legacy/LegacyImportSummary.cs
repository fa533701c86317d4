using System.Text;

namespace HosVessel.Web.Legacy;

/// <summary>What an import read, wrote, skipped and flagged; logged by the cut-over and printed by the command.</summary>
public sealed class LegacyImportSummary(string source)
{
    // Every skipped row is listed; flags can number thousands (e.g. all IMOs short), so the log shows the first ones.
    private const int MaxListedFlags = 500;

    public string Source { get; } = source;
    public bool DryRun { get; set; }
    public TimeSpan Elapsed { get; set; }

    /// <summary>With <c>--replace</c>: what the replaced database held, and where its backup is.</summary>
    public string? Replaced { get; set; }
    public string? ReplacedDatabaseBackup { get; set; }

    public int UsersRead { get; set; }
    public int UsersImported { get; set; }
    public int VesselsRead { get; set; }
    public int VesselsImported { get; set; }
    public int DetailsRead { get; set; }
    public int DetailsImported { get; set; }
    public int VesselsWithoutDetail { get; set; }
    public int VoyagesRead { get; set; }
    public int VoyagesImported { get; set; }
    public int VoyagesLinked { get; set; }

    /// <summary>Rows that could not be imported at all, with the reason.</summary>
    public List<LegacyImportIssue> Skipped { get; } = [];

    /// <summary>Rows imported with a problem someone should look at.</summary>
    public List<LegacyImportIssue> Flagged { get; } = [];

    public void Skip(string table, long id, string reason) => Skipped.Add(new(table, id, reason));

    public void Flag(string table, long id, string reason) => Flagged.Add(new(table, id, reason));

    public string Counts =>
        $"users {UsersImported}/{UsersRead}, vessels {VesselsImported}/{VesselsRead} ({VesselsWithoutDetail} without detail), " +
        $"details {DetailsImported}/{DetailsRead}, voyages {VoyagesImported}/{VoyagesRead} ({VoyagesLinked} linked to a vessel), " +
        $"skipped {Skipped.Count}, flagged {Flagged.Count}";

    public override string ToString()
    {
        // The marker starts the block, so one grep finds the whole summary in the log or the output.
        var text = new StringBuilder().AppendLine(DeploymentContract.LegacyImportMarker);
        var verb = DryRun ? "Dry run (nothing written) of the import of" : "Imported";
        text.AppendLine($"{verb} {Source} in {Elapsed.TotalSeconds:0.00} s: {Counts}.");
        if (Replaced is not null)
        {
            var backup = ReplacedDatabaseBackup is null ? "no backup in a dry run" : $"backup: {ReplacedDatabaseBackup}";
            text.AppendLine($"Replaced the database, which held {Replaced} ({backup}).");
        }
        AppendIssues(text, "Skipped (not imported)", Skipped, int.MaxValue);
        AppendIssues(text, "Flagged (imported, please check)", Flagged, MaxListedFlags);
        return text.ToString().TrimEnd();
    }

    private static void AppendIssues(StringBuilder text, string title, List<LegacyImportIssue> issues, int limit)
    {
        if (issues.Count == 0)
        {
            return;
        }
        text.AppendLine($"{title}: {issues.Count}");
        foreach (var issue in issues.Take(limit))
        {
            text.AppendLine($"  {issue}");
        }
        if (issues.Count > limit)
        {
            text.AppendLine($"  ... and {issues.Count - limit} more of the same kind.");
        }
    }
}

public sealed record LegacyImportIssue(string Table, long Id, string Reason)
{
    public override string ToString() => $"{Table} #{Id}: {Reason}";
}
