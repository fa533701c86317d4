using Microsoft.Extensions.Options;

namespace HosVessel.Web.Backups;

/// <summary>Makes a backup every night at the configured time and keeps only the newest ones.</summary>
public sealed class NightlyBackupService(
    BackupWriter writer,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<NightlyBackupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Nightly backups are disabled (Backup:Enabled=false).");
            return;
        }
        var schedule = BackupSchedule.From(settings);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            logger.LogInformation("Next nightly backup at {Next:yyyy-MM-dd HH:mm} ({Zone}) into {Directory}",
                TimeZoneInfo.ConvertTime(next, schedule.Zone), schedule.Zone.Id, writer.DefaultDirectory);
            try
            {
                await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await BackUpOnceAsync(settings.Keep, stoppingToken);
        }
    }

    private async Task BackUpOnceAsync(int keep, CancellationToken stoppingToken)
    {
        try
        {
            var path = await writer.WriteAsync(cancellationToken: stoppingToken);
            var deleted = BackupWriter.Prune(Path.GetDirectoryName(path)!, keep);
            logger.LogInformation("Nightly backup written to {Path} ({Bytes} bytes); removed {Count} old backups: {Deleted}",
                path, new FileInfo(path).Length, deleted.Count, deleted.Select(Path.GetFileName));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed night must not stop the app or the following nights.
            logger.LogError(exception, "Nightly backup failed");
        }
    }
}
