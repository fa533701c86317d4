using HosVessel.Web.Data;

namespace HosVessel.Web.Legacy;

/// <summary>
/// On start, imports <c>vessel.db</c> from the data folder when our database is still empty, before the
/// admin bootstrap runs (so the old users exist and no new admin is made). A bad file is logged, never fatal.
/// </summary>
public sealed class LegacyCutover(Database database, LegacyImporter importer, ILogger<LegacyCutover> logger) : IDatabaseInitializer
{
    public int Order => 10;

    public string LegacyPath => Path.Combine(Path.GetDirectoryName(database.FilePath)!, LegacyDatabaseReader.FileName);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(LegacyPath))
        {
            return;
        }
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var (whyNotEmpty, _) = await LegacyImporter.InspectAsync(connection);
            if (whyNotEmpty is not null)
            {
                // After the import the old file stays beside ours for good; only an unexpected refusal is worth a line.
                if (await LegacyImporter.WasImportedAsync(connection))
                {
                    logger.LogDebug("Not importing {Path}: the database is not empty ({Reason})", LegacyPath, whyNotEmpty);
                    return;
                }
                logger.LogWarning(
                    "{Marker} Not importing {Path}: the database is not empty ({Reason}). To replace it with the old app's data " +
                    "(it is backed up first), stop the app and run: {Command} --replace {Path} " +
                    "(with Docker Compose: docker compose run --rm web {Command} --replace {Path})",
                    DeploymentContract.LegacyImportMarker, LegacyPath, whyNotEmpty, DeploymentContract.ImportLegacyCommand, LegacyPath,
                    DeploymentContract.ImportLegacyCommand, LegacyPath);
                return;
            }
        }
        logger.LogInformation("Found the old app's database {Path} and an empty database: importing it", LegacyPath);
        try
        {
            var summary = await importer.ImportAsync(LegacyPath, dryRun: false, cancellationToken);
            logger.LogInformation("{Summary}", summary.ToString());
        }
        catch (Exception exception) when (exception is LegacyDatabaseException or LegacyImportRefusedException)
        {
            logger.LogError(
                DeploymentContract.LegacyImportMarker + " Could not import the old app's database: {Reason} The app starts with an empty database; " +
                "fix or replace the file and restart, or run the import-legacy command.", exception.Message);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Most often the file was copied in as root with mode 600 and the container's user (1654) cannot read it.
            // One line and no stack trace: start-up goes on, on our own database, instead of crash-looping.
            logger.LogError(
                "Could not read the old app's database {Path}: {Cause} Fix: sudo chown 1654:1654 {Path} (and make sure no " +
                "other program holds it open), then restart the app. Starting on the app's own database meanwhile.",
                LegacyPath, exception.Message, LegacyPath);
        }
    }
}
