using System.Globalization;
using HosVessel.Web.Backups;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Voyages.History;

/// <summary>Every night, deletes voyage history older than the retention period.</summary>
public sealed class VoyageHistoryPruneService(
    VoyageStore store,
    IOptions<VoyageHistoryOptions> options,
    TimeProvider time,
    ILogger<VoyageHistoryPruneService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // The backup's schedule rule, so both nightly jobs read their time the same way.
        var schedule = new BackupSchedule(TimeOnly.ParseExact(settings.PruneTime, "HH:mm", CultureInfo.InvariantCulture), KoreanTime.Zone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            try
            {
                await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await PruneOnceAsync(settings.RetentionDays, stoppingToken);
        }
    }

    public async Task<int> PruneOnceAsync(int retentionDays, CancellationToken stoppingToken)
    {
        try
        {
            var cutoff = time.GetUtcNow().AddDays(-retentionDays);
            var deleted = await store.PruneHistoryAsync(cutoff, stoppingToken);
            logger.LogInformation("Voyage history pruned: {Count} events older than {Cutoff:yyyy-MM-dd} removed", deleted, cutoff);
            return deleted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed night must not stop the app or the following nights.
            logger.LogError(exception, "Pruning the voyage history failed");
            return 0;
        }
    }
}
