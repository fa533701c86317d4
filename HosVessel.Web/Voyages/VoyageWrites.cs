using System.Buffers;
using System.Text;
using System.Text.Json;
using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages.History;

namespace HosVessel.Web.Voyages;

/// <summary>One history event as written: its place (<paramref name="Seq"/>) orders the events of one push time.</summary>
public sealed record NumberedVoyageEvent(VoyageEvent Event, int Seq);

/// <summary>
/// The only statements that change <c>voyages</c> and <c>voyage_events</c>, run inside a <see cref="DatabaseWrite"/>
/// from <see cref="VoyageStore"/>, <see cref="VoyagePushQueue"/> or the legacy import.
/// </summary>
public static class VoyageWrites
{
    private static readonly IReadOnlyList<VoyageField> Fields = VoyageFieldTable.All;

    // One statement for all the rows: SQLite walks the JSON itself, so 5,000 items cost one round trip and one
    // trace span instead of 5,000. The JSON is keyed by column name (see ItemsJson); the normalised name is the key.
    private static readonly string UpsertFromJson = $"""
        INSERT INTO voyages (vessel_key, {string.Join(", ", Fields.Select(f => f.Column))}, updated_at)
        SELECT value ->> '$.{VoyageFieldTable.VesselName.Column}', {string.Join(", ", Fields.Select(f => $"value ->> '$.{f.Column}'"))}, @updatedAt
        FROM json_each(@items) WHERE true
        ON CONFLICT (vessel_key) DO UPDATE SET
            {string.Join(", ", Fields.Select(f => $"{f.Column} = excluded.{f.Column}"))}, updated_at = excluded.updated_at
        """;

    private const string InsertEventsFromJson = """
        INSERT INTO voyage_events (vessel_key, at, seq, vessel_name, field, old_value, new_value)
        SELECT value ->> '$.k', value ->> '$.a', value ->> '$.s', value ->> '$.n', value ->> '$.f', value ->> '$.o', value ->> '$.v'
        FROM json_each(@events)
        """;

    /// <summary>
    /// Makes the stored voyages (<paramref name="stored"/>, as read in this write) into <paramref name="pushed"/>, all
    /// reported at <paramref name="now"/>. Rows whose values are unchanged only get their <c>updated_at</c>: the column
    /// says when the feed last reported the ship, and rewriting twenty identical values was most of a push's work.
    /// </summary>
    public static async Task ReplaceAsync(DatabaseWrite write, IReadOnlyList<Voyage> stored, IReadOnlyList<Voyage> pushed, string now)
    {
        var (connection, transaction) = (write.Connection, write.Transaction);
        var before = stored.ToDictionary(v => v.VesselName, StringComparer.Ordinal);
        var changed = pushed.Where(v => !before.Remove(v.VesselName, out var old) || !SameValues(old, v)).ToList();
        // What is left in before was stored and is not in this push.
        if (before.Count > 0)
        {
            await connection.ExecuteAsync("DELETE FROM voyages WHERE vessel_key IN (SELECT value FROM json_each(@gone))",
                new { gone = JsonSerializer.Serialize(before.Keys) }, transaction);
        }
        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(UpsertFromJson, new { items = ItemsJson(changed), updatedAt = now }, transaction);
        }
        if (changed.Count < pushed.Count)
        {
            await connection.ExecuteAsync("UPDATE voyages SET updated_at = @now WHERE updated_at IS NOT @now", new { now }, transaction);
        }
    }

    public static Task InsertEventsAsync(DatabaseWrite write, IReadOnlyList<NumberedVoyageEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        return write.Connection.ExecuteAsync(InsertEventsFromJson, new { events = EventsJson(events) }, write.Transaction);
    }

    // Written by hand like ItemsJson: serializing an anonymous object per event was a group's largest allocation.
    private static string EventsJson(IReadOnlyList<NumberedVoyageEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (e, seq) in events)
            {
                json.WriteStartObject();
                json.WriteString("k"u8, e.VesselKey);
                json.WriteString("a"u8, e.At);
                json.WriteNumber("s"u8, seq);
                json.WriteString("n"u8, e.VesselName);
                json.WriteString("f"u8, e.Field);
                json.WriteString("o"u8, e.Old);
                json.WriteString("v"u8, e.New);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The first free place among the events of <paramref name="at"/>: 0, unless a push of the same instant wrote some.</summary>
    public static Task<int> NextSeqAsync(DatabaseWrite write, string at) => write.Connection.ExecuteScalarAsync<int>(
        "SELECT coalesce(max(seq) + 1, 0) FROM voyage_events WHERE at = @at", new { at }, write.Transaction);

    /// <summary>Every voyage goes (a clear, or the legacy import's <c>--replace</c>).</summary>
    public static Task<int> DeleteAllAsync(DatabaseWrite write) =>
        write.Connection.ExecuteAsync("DELETE FROM voyages", transaction: write.Transaction);

    /// <summary>At most 10,000 events older than <paramref name="before"/>: one short write of the nightly prune.</summary>
    public static Task<int> PruneHistoryBatchAsync(DatabaseWrite write, string before) =>
        write.Connection.ExecuteAsync(
            """
            DELETE FROM voyage_events WHERE (vessel_key, at, seq) IN
                (SELECT vessel_key, at, seq FROM voyage_events WHERE at < @before LIMIT 10000)
            """, new { before }, write.Transaction);

    /// <summary>The old app's voyages, with their ids, inside the legacy import's write.</summary>
    internal static Task InsertImportedAsync(DatabaseWrite write, IEnumerable<(long Id, string VesselKey, string VesselName, string UpdatedAt, IReadOnlyList<string?> Fields)> rows)
    {
        var columns = VoyageFieldTable.LegacyColumns;
        return write.Connection.ExecuteAsync(
            $"""
            INSERT INTO voyages (id, vessel_key, {VoyageFieldTable.VesselName.Column}, updated_at, {string.Join(", ", columns)})
            VALUES (@id, @vessel_key, @vessel_name, @updated_at, {string.Join(", ", columns.Select(c => "@" + c))})
            """,
            rows.Select(v =>
            {
                var parameters = new Dictionary<string, object?>
                {
                    ["id"] = v.Id, ["vessel_key"] = v.VesselKey, ["vessel_name"] = v.VesselName, ["updated_at"] = v.UpdatedAt,
                };
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[columns[i]] = v.Fields[i];
                }
                return parameters;
            }),
            write.Transaction);
    }

    // Exact text, null apart from "": a row is left alone only if writing it would store the very same values.
    private static bool SameValues(Voyage stored, Voyage pushed)
    {
        foreach (var field in Fields)
        {
            if (!string.Equals(field.Get(stored), field.Get(pushed), StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly JsonEncodedText[] ColumnNames = [.. Fields.Select(f => JsonEncodedText.Encode(f.Column))];

    // Written field by field: a dictionary per voyage for the serializer to walk was most of a push's allocations.
    private static string ItemsJson(IReadOnlyList<Voyage> voyages)
    {
        var buffer = new ArrayBufferWriter<byte>(voyages.Count * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var voyage in voyages)
            {
                json.WriteStartObject();
                for (var i = 0; i < Fields.Count; i++)
                {
                    json.WriteString(ColumnNames[i], Fields[i].Get(voyage));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
