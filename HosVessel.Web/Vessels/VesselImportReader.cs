using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>
/// One vessel as a file gives it: the values and which keys the file has at all. A key the file lacks (a
/// column not in the CSV header, a key not in the JSON object) is not in <see cref="Present"/> and must not
/// change the stored value; a present key whose value is empty, <c>""</c> or <c>null</c> clears it.
/// </summary>
public sealed record ImportRow(int Number, VesselFields Fields, IReadOnlySet<string> Present, string? Problem);

/// <summary>A file the importer cannot read at all; its message is Korean and names the problem.</summary>
public sealed class ImportFormatException(string message) : Exception(message);

/// <summary>How much one import may read: a browser upload has limits, the <c>import-vessels</c> command none.</summary>
public sealed record ImportLimits(long? MaxBytes, int? MaxRows)
{
    public static ImportLimits Upload { get; } = new(VesselImportReader.MaxBytes, VesselImportReader.MaxRows);

    public static ImportLimits None { get; } = new(null, null);
}

/// <summary>
/// Reads an import file (a JSON array of objects or the list page's CSV) into <see cref="ImportRow"/>s as it goes,
/// so a file of any size takes memory for one row at a time. A problem found part-way (bad JSON at row 60,000)
/// throws <see cref="ImportFormatException"/> then, and the importer's transaction undoes the rows before it.
/// </summary>
public static class VesselImportReader
{
    /// <summary>What a browser upload may hold (<see cref="ImportLimits.Upload"/>).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream input, ImportLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkedInput = new CheckedUtf8Stream(input, limits.MaxBytes);
        var first = await FirstCharacterAsync(checkedInput, cancellationToken);
        var rows = first switch
        {
            null => throw new ImportFormatException("파일이 비어 있습니다."),
            '[' => ReadJsonAsync(checkedInput, cancellationToken),
            '{' => throw new ImportFormatException("JSON 최상위는 선박 객체의 배열([ ... ])이어야 합니다."),
            _ => ReadCsvAsync(checkedInput, cancellationToken),
        };
        var count = 0;
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (await Next(enumerator))
        {
            if (++count > limits.MaxRows)
            {
                throw new ImportFormatException(
                    $"행이 너무 많습니다 ({limits.MaxRows:N0}행 초과). 웹에서는 한 번에 {limits.MaxRows:N0}행까지 가져올 수 있습니다. 더 큰 파일은 import-vessels 명령으로 가져오세요.");
            }
            yield return enumerator.Current;
        }
    }

    // Reading errors surface from MoveNextAsync, as Korean messages that name the problem.
    private static async Task<bool> Next(IAsyncEnumerator<ImportRow> rows)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }
        catch (JsonException exception) when (exception.InnerException is DecoderFallbackException)
        {
            throw NotUtf8();
        }
        catch (FormatException exception)
        {
            throw new ImportFormatException($"CSV 형식이 잘못되었습니다: {exception.Message}");
        }
        catch (JsonException exception)
        {
            throw new ImportFormatException($"JSON 형식이 잘못되었습니다 ({exception.LineNumber + 1}행 부근).");
        }
    }

    private static ImportFormatException NotUtf8() => new("UTF-8 텍스트 파일이 아닙니다. JSON 배열이나 선박 목록 CSV를 올려 주세요.");

    // The first character after a BOM and white space tells JSON from CSV; the stream is rewound to the start.
    private static async Task<char?> FirstCharacterAsync(CheckedUtf8Stream input, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        int read;
        try
        {
            read = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }
        input.Rewind();
        // The bytes, not their text: the 4,096th may fall inside a character.
        var start = buffer.AsSpan(0, read);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }
        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 ? (char)start[first] : read < buffer.Length ? null : ' ';
    }

    private static async IAsyncEnumerable<ImportRow> ReadJsonAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        var options = new JsonSerializerOptions { MaxDepth = 8 };
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, options, cancellationToken))
        {
            number++;
            yield return element.ValueKind == JsonValueKind.Object
                ? ReadJsonObject(number, element)
                : new ImportRow(number, new VesselFields(), new HashSet<string>(), "선박 항목은 JSON 객체여야 합니다.");
        }
    }

    private static ImportRow ReadJsonObject(int number, JsonElement element)
    {
        var fields = new VesselFields();
        var present = new HashSet<string>(StringComparer.Ordinal);
        string? problem = null;
        foreach (var property in element.EnumerateObject())
        {
            if (!JsonText.TryGetPropertyName(property, out var name))
            {
                problem ??= $"{number}번째 항목의 키 이름에 짝이 없는 서로게이트(\\ud800 같은 잘못된 유니코드 이스케이프)가 있습니다.";
                continue;
            }
            if (VesselFieldTable.Find(name) is not { } field)
            {
                continue;
            }
            present.Add(field.Key);
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String when JsonText.TryGetString(value, out var text):
                    field.Set(fields, text);
                    break;
                case JsonValueKind.String:
                    problem ??= $"{field.Key}: 값에 짝이 없는 서로게이트(\\ud800 같은 잘못된 유니코드 이스케이프)가 있습니다. 올바른 UTF-8 문자열로 보내 주세요.";
                    break;
                case JsonValueKind.Null:
                    field.Set(fields, null);
                    break;
                // IMO numbers and years often arrive as JSON numbers.
                case JsonValueKind.Number when field.NumberAllowed:
                    field.Set(fields, value.GetRawText());
                    break;
                default:
                    problem ??= $"{field.Key}: 값은 문자열이어야 합니다 (받은 형식: {value.ValueKind}).";
                    break;
            }
        }
        return new ImportRow(number, fields, present, problem);
    }

    private static async IAsyncEnumerable<ImportRow> ReadCsvAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(input, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        List<VesselField?>? header = null;
        HashSet<string> present = [];
        await foreach (var (line, cells) in VesselCsv.ReadAsync(text, cancellationToken))
        {
            if (header is null)
            {
                header = VesselCsv.ReadHeader([.. cells.Select((h, i) => i == 0 ? h.TrimStart('\uFEFF') : h)]);
                present = header.OfType<VesselField>().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
                continue;
            }
            var fields = new VesselFields();
            for (var i = 0; i < header.Count && i < cells.Count; i++)
            {
                header[i]?.Set(fields, Exports.CsvExport.Unguard(cells[i]));
            }
            var problem = cells.Count > header.Count ? $"열이 {cells.Count}개로 머리글({header.Count}개)보다 많습니다." : null;
            yield return new ImportRow(line, fields, present, problem);
        }
        if (header is null)
        {
            throw VesselCsv.NoHeader();
        }
    }
}
