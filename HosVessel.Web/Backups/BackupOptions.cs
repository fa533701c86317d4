namespace HosVessel.Web.Backups;

/// <summary>The nightly backup, bound from the "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day in <see cref="TimeZone"/>, "HH:mm".</summary>
    public string Time { get; set; } = "03:00";

    /// <summary>IANA zone the <see cref="Time"/> is read in; the fleet team works in Korea.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>How many nightly files to keep; older ones are deleted after each backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Where backups go; empty means <c>backups</c> next to the database file.</summary>
    public string? Directory { get; set; }
}
