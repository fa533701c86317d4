using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using HosVessel.Web.Data;

namespace HosVessel.Web.Backups;

/// <summary>
/// Copies the live database with SQLite's online backup API, which gives a consistent snapshot
/// even while the feed is writing. File names carry the Korean wall-clock time (KST) the team reads.
/// </summary>
public sealed class BackupWriter(Database database, IOptions<BackupOptions> options, TimeProvider time)
{
    public const string FilePrefix = "hosvessel-";
    public const string FileExtension = ".db";

    public string DefaultDirectory =>
        string.IsNullOrWhiteSpace(options.Value.Directory)
            ? Path.Combine(Path.GetDirectoryName(database.FilePath)!, "backups")
            : options.Value.Directory;

    public string FileNameFor(DateTimeOffset moment) =>
        FilePrefix + KoreanTime.From(moment).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + FileExtension;

    /// <summary>Writes one backup file and returns its full path.</summary>
    public async Task<string> WriteAsync(string? directory = null, CancellationToken cancellationToken = default)
    {
        directory = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, FileNameFor(time.GetUtcNow()));
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; wait a second and try again.");
        }
        // Copy into a temporary name first, so a crash never leaves a half-written file that looks like a backup.
        var partial = target + ".partial";
        try
        {
            await using (var source = await database.OpenAsync(cancellationToken))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = partial,
                Pooling = false,
                Mode = SqliteOpenMode.ReadWriteCreate,
            }.ToString()))
            {
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
            }
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
        return target;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups in the folder; returns what it deleted.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        // The names sort by time, so ordinal order is age order.
        var stale = Directory.EnumerateFiles(directory, FilePrefix + "*" + FileExtension)
            .Order(StringComparer.Ordinal)
            .SkipLast(Math.Max(keep, 1))
            .ToList();
        foreach (var file in stale)
        {
            File.Delete(file);
        }
        return stale;
    }
}
