using HosVessel.Web.Vessels;
using System.Collections.Concurrent;
using System.Text.Json;

namespace HosVessel.Web.Voyages;

/// <summary>A push body that cannot be stored: the message for <c>error</c> and the item-level problems.</summary>
public sealed record VoyageFeedProblem(string Message, IReadOnlyList<string> Details);

/// <summary>The voyages of one push, de-duplicated by normalised vessel name (the last item wins).</summary>
public sealed record VoyageFeed(int Received, IReadOnlyList<Voyage> Voyages, IReadOnlyList<string> Duplicates);

/// <summary>
/// Reads the n8n push body by hand so every problem can name the item index and field path,
/// which is what the person fixing the workflow needs; a model binder would only say "invalid".
/// </summary>
public static class VoyageFeedParser
{
    public const int MaxItems = 5_000;
    public const int MaxDetails = 50;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    // Top-level fields first, then each nested object in turn: the order the problems are listed in.
    private static readonly VoyageField[] TopLevelFields =
        [.. VoyageFieldTable.All.Where(f => f.JsonObject is null && f != VoyageFieldTable.VesselName)];

    private static readonly IGrouping<string, VoyageField>[] NestedObjects =
        [.. VoyageFieldTable.All.Where(f => f.JsonObject is not null).GroupBy(f => f.JsonObject!)];

    public static VoyageFeedProblem? TryParse(ReadOnlyMemory<byte> body, out VoyageFeed feed)
    {
        feed = new VoyageFeed(0, [], []);
        // The old app accepted a body saved with a UTF-8 byte-order mark (some n8n nodes write one); so do we.
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        // JsonDocument checks string encoding only when a value is read; checking up front keeps it a 400.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return new VoyageFeedProblem("The body is not valid UTF-8 text", []);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return new VoyageFeedProblem("Malformed JSON", [exception.Message]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return new VoyageFeedProblem(
                    $"The body must be a JSON array of voyages, but it is {Describe(root.ValueKind)}", []);
            }
            var count = root.GetArrayLength();
            if (count > MaxItems)
            {
                return new VoyageFeedProblem($"Too many items: {count:N0} (the limit is {MaxItems:N0} per push)", []);
            }
            return ReadItems(root, count, out feed);
        }
    }

    private static VoyageFeedProblem? ReadItems(JsonElement root, int count, out VoyageFeed feed)
    {
        var problems = new List<string>();
        var byKey = new Dictionary<string, Voyage>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var voyage = ReadItem(item, index, problems);
            if (voyage is not null)
            {
                if (byKey.Remove(voyage.VesselName) && !duplicates.Contains(voyage.VesselName))
                {
                    duplicates.Add(voyage.VesselName);
                }
                // Re-adding after Remove puts the winner at the end, so the stored order follows the push.
                byKey[voyage.VesselName] = voyage;
            }
            index++;
        }
        feed = new VoyageFeed(count, [.. byKey.Values], duplicates);
        if (problems.Count == 0)
        {
            return null;
        }
        var message = problems.Count == 1 ? "1 item has a problem" : $"{problems.Count} problems in the items";
        return new VoyageFeedProblem(message, [.. problems.Take(MaxDetails)]);
    }

    private static Voyage? ReadItem(JsonElement item, int index, List<string> problems)
    {
        // Paths are spelt out only for a problem: building one per field was a push's largest allocation after the body.
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"[{index}]: expected an object, got {Describe(item.ValueKind)}");
            return null;
        }
        var before = problems.Count;
        var voyage = new Voyage();
        var nameField = VoyageFieldTable.VesselName.JsonPath;
        var name = item.TryGetProperty(nameField, out var nameElement)
            ? ReadText(nameElement, index, nameField, problems)
            : null;
        if (name is null && problems.Count == before)
        {
            problems.Add($"[{index}].{nameField}: required and must not be empty");
        }
        voyage.VesselName = Normalise(name);
        foreach (var field in TopLevelFields)
        {
            if (item.TryGetProperty(field.JsonName, out var element))
            {
                field.Set(voyage, ReadText(element, index, field.JsonPath, problems));
            }
        }
        foreach (var fields in NestedObjects)
        {
            var objectName = fields.Key;
            if (!item.TryGetProperty(objectName, out var nested) || nested.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (nested.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"[{index}].{objectName}: expected an object, got {Describe(nested.ValueKind)}");
                continue;
            }
            foreach (var field in fields)
            {
                if (nested.TryGetProperty(field.JsonName, out var element))
                {
                    field.Set(voyage, ReadText(element, index, field.JsonPath, problems));
                }
            }
        }
        return problems.Count == before ? voyage : null;
    }

    // n8n passes spreadsheet cells through, so a voyage number may arrive as 19 rather than "0019".
    private static string? ReadText(JsonElement element, int index, string field, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when Data.JsonText.TryGetString(element, out var value):
                var text = value!.Trim();
                return text.Length == 0 ? null : text;
            case JsonValueKind.String:
                problems.Add($"[{index}].{field}: the text holds a lone surrogate escape (such as \\ud800), which is not valid Unicode");
                return null;
            case JsonValueKind.Number:
                return element.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                problems.Add($"[{index}].{field}: expected text, got {Describe(element.ValueKind)}");
                return null;
        }
    }

    // The feed names the same ships every hour: each name's key is worked out once, not on every push.
    private const int MaxRememberedNames = 10_000;
    private static readonly ConcurrentDictionary<string, string> NormalisedNames = new(StringComparer.Ordinal);

    private static string Normalise(string? name)
    {
        if (name is null)
        {
            return VesselName.Normalise(name);
        }
        if (NormalisedNames.TryGetValue(name, out var key))
        {
            return key;
        }
        if (NormalisedNames.Count >= MaxRememberedNames)
        {
            NormalisedNames.Clear();
        }
        return NormalisedNames[name] = VesselName.Normalise(name);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
