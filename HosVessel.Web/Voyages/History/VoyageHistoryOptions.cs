namespace HosVessel.Web.Voyages.History;

/// <summary>How long the voyage history is kept, bound from the "VoyageHistory" configuration section.</summary>
public sealed class VoyageHistoryOptions
{
    public const string SectionName = "VoyageHistory";

    /// <summary>Events older than this are pruned every night; two years by default.</summary>
    public int RetentionDays { get; set; } = 730;

    /// <summary>Local time of day (KST) of the nightly prune, "HH:mm"; after the 03:00 backup so the backup still has the day.</summary>
    public string PruneTime { get; set; } = "03:30";
}
