using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages.History;

namespace HosVessel.Web.Voyages;

/// <summary>
/// Group commit for the feed: pushes that arrive while another write holds the gate are written together, in one
/// transaction with one commit (one fsync), in the order they arrived. Each push is still compared with the state
/// the one before it left, so it gets its own events, its own feed-log row and its own answer, and the last one's
/// voyages are what is stored. Nobody is answered before the commit that holds their push. Measured: the work per
/// push was mostly per write (the compare read, rewriting every row, the commit), not per item.
/// </summary>
public sealed class VoyagePushQueue(Database database, TimeProvider clock)
{
    // Enough to take every push of a burst at once; the cap keeps one transaction from growing without end.
    private const int MaxItemsPerGroup = 20_000;

    private readonly Lock sync = new();
    private readonly List<PendingPush> waiting = [];
    private bool leaderActive;

    /// <summary>How many pushes the last group held.</summary>
    public int LastGroupSize { get; private set; }

    /// <summary>How many pushes wait for a group, the one being led included.</summary>
    public int Waiting
    {
        get
        {
            lock (sync)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="voyages"/> as the whole feed, recording what changed since the push before it.
    /// <paramref name="logEntry"/>, when given, makes the push's feed-log row from its result in the same transaction.
    /// </summary>
    public async Task<VoyagePushResult> PushAsync(
        IReadOnlyList<Voyage> voyages, Func<VoyagePushResult, VoyageFeedEntry>? logEntry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var push = new PendingPush(voyages, logEntry, Activity.Current, cancellationToken);
        bool lead;
        lock (sync)
        {
            waiting.Add(push);
            lead = !leaderActive;
            leaderActive = true;
        }
        // One caller at a time leads: it writes a group that includes itself, then hands over to the first push left.
        if (lead || await push.Woken.Task == Wake.Lead)
        {
            await LeadOneGroupAsync();
        }
        return push.Outcome();
    }

    private async Task LeadOneGroupAsync()
    {
        List<PendingPush> group = [];
        try
        {
            // The group is taken once the gate is ours, so every push that queued meanwhile joins it.
            await database.WriteAsync(async write =>
            {
                group = TakeGroup();
                await WriteGroupAsync(write, group);
            }, CancellationToken.None);
        }
        catch (Exception exception) when (group.Count == 1)
        {
            group[0].Fail(exception);
        }
        catch (Exception)
        {
            // Nothing of the group was kept. Each push is written alone, so the one that fails fails by itself.
            group = group.Count == 0 ? TakeGroup() : group;
            foreach (var push in group.Where(p => !p.Finished))
            {
                try
                {
                    await database.WriteAsync(write => WriteGroupAsync(write, [push]), CancellationToken.None);
                }
                catch (Exception exception)
                {
                    push.Fail(exception);
                }
            }
        }
        finally
        {
            HandOver(group);
        }
    }

    private List<PendingPush> TakeGroup()
    {
        lock (sync)
        {
            var count = 0;
            var items = 0;
            while (count < waiting.Count && (count == 0 || items + waiting[count].Voyages.Count <= MaxItemsPerGroup))
            {
                items += waiting[count++].Voyages.Count;
            }
            var group = waiting.GetRange(0, count);
            waiting.RemoveRange(0, count);
            LastGroupSize = count;
            return group;
        }
    }

    private void HandOver(List<PendingPush> group)
    {
        PendingPush? next;
        lock (sync)
        {
            next = waiting.Count > 0 ? waiting[0] : null;
            leaderActive = next is not null;
        }
        foreach (var push in group)
        {
            push.Woken.TrySetResult(Wake.Done);
        }
        next?.Woken.TrySetResult(Wake.Lead);
    }

    private async Task WriteGroupAsync(DatabaseWrite write, IReadOnlyList<PendingPush> group)
    {
        // A caller that gave up before its group was written is left out of it.
        foreach (var push in group.Where(p => p.CancellationToken.IsCancellationRequested && !p.Finished))
        {
            push.Fail(new OperationCanceledException(push.CancellationToken));
        }
        var pushes = group.Where(p => !p.Finished).ToList();
        if (pushes.Count == 0)
        {
            write.Discard();
            return;
        }
        var stored = await VoyageStore.ReadStoredAsync(write);
        IReadOnlyList<Voyage> current = stored;
        var events = new List<NumberedVoyageEvent>();
        var times = new string[pushes.Count];
        var (seqStart, previousCount) = (0, 0);
        for (var i = 0; i < pushes.Count; i++)
        {
            times[i] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var changes = VoyageChanges.Between(current, pushes[i].Voyages, times[i]);
            // Numbered within the push from 0; a push in the same clock tick as the one before it (in this group or
            // written before) goes on counting, so the two stay apart, and in order, in the history's key.
            seqStart = i == 0 ? await VoyageWrites.NextSeqAsync(write, times[i])
                : times[i] == times[i - 1] ? seqStart + previousCount : 0;
            events.AddRange(changes.Select((change, index) => new NumberedVoyageEvent(change, seqStart + index)));
            previousCount = changes.Count;
            current = pushes[i].Voyages;
        }
        await VoyageWrites.ReplaceAsync(write, stored, current, times[^1]);
        await VoyageWrites.InsertEventsAsync(write, events);
        var keys = JsonSerializer.Serialize(pushes.SelectMany(p => p.Voyages).Select(v => v.VesselName).Distinct(StringComparer.Ordinal));
        var linked = (await write.Connection.QueryAsync<string>(
            "SELECT DISTINCT name_key FROM vessels WHERE name_key IN (SELECT value FROM json_each(@keys))",
            new { keys }, write.Transaction)).ToHashSet(StringComparer.Ordinal);
        await AppMeta.SetAsync(write, VoyageStore.LastPushKey, times[^1]);
        var entries = new List<VoyageFeedEntry>();
        foreach (var push in pushes)
        {
            push.Result = new VoyagePushResult(
                [.. push.Voyages.Where(v => linked.Contains(v.VesselName)).Select(v => v.VesselName)],
                [.. push.Voyages.Where(v => !linked.Contains(v.VesselName)).Select(v => v.VesselName)]);
            push.Activity?.SetTag("voyage.push_group", pushes.Count);
            if (push.LogEntry is not null)
            {
                entries.Add(push.LogEntry(push.Result));
            }
        }
        await VoyageFeedLog.AddAsync(write, entries);
    }

    private enum Wake
    {
        Lead,
        Done,
    }

    private sealed class PendingPush(
        IReadOnlyList<Voyage> voyages, Func<VoyagePushResult, VoyageFeedEntry>? logEntry, Activity? activity, CancellationToken cancellationToken)
    {
        public IReadOnlyList<Voyage> Voyages { get; } = voyages;

        public Func<VoyagePushResult, VoyageFeedEntry>? LogEntry { get; } = logEntry;

        public Activity? Activity { get; } = activity;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        // Continuations run on their own, so waking a caller never runs its request inside the leader's.
        public TaskCompletionSource<Wake> Woken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public VoyagePushResult? Result { get; set; }

        private Exception? error;

        public bool Finished => error is not null;

        public void Fail(Exception exception)
        {
            error = exception;
            Result = null;
        }

        public VoyagePushResult Outcome()
        {
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
            return Result ?? throw new InvalidOperationException("The push's group ended without an outcome.");
        }
    }
}
