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

/// <summary>Reads an import file (a JSON array of objects or the list page's CSV) into <see cref="ImportRow"/>s.</summary>
public static class VesselImportReader
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<List<ImportRow>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImportFormatException($"파일이 너무 큽니다. {MaxBytes / 1024 / 1024}MB 이하만 가져올 수 있습니다.");
            }
            buffer.Write(chunk, 0, read);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFormatException("UTF-8 텍스트 파일이 아닙니다. JSON 배열이나 선박 목록 CSV를 올려 주세요.");
        }
        return Read(text);
    }

    private static List<ImportRow> Read(string text)
    {
        var start = text.TrimStart();
        if (start.Length == 0)
        {
            throw new ImportFormatException("파일이 비어 있습니다.");
        }
        var rows = start[0] switch
        {
            '[' => ReadJson(start),
            '{' => throw new ImportFormatException("JSON 최상위는 선박 객체의 배열([ ... ])이어야 합니다."),
            _ => ReadCsv(text),
        };
        if (rows.Count > MaxRows)
        {
            throw new ImportFormatException($"행이 너무 많습니다 ({rows.Count}행). 한 번에 {MaxRows}행까지 가져올 수 있습니다.");
        }
        return rows;
    }

    private static List<ImportRow> ReadJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            throw new ImportFormatException($"JSON 형식이 잘못되었습니다 ({exception.LineNumber + 1}행 부근).");
        }
        using (document)
        {
            var rows = new List<ImportRow>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                rows.Add(element.ValueKind == JsonValueKind.Object
                    ? ReadJsonObject(number, element)
                    : new ImportRow(number, new VesselFields(), new HashSet<string>(), "선박 항목은 JSON 객체여야 합니다."));
            }
            return rows;
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

    private static List<ImportRow> ReadCsv(string text)
    {
        List<(int Line, List<string> Cells)> records;
        try
        {
            records = VesselCsv.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new ImportFormatException($"CSV 형식이 잘못되었습니다: {exception.Message}");
        }
        var header = VesselCsv.ReadHeader(records.Count == 0 ? [] : records[0].Cells);
        var present = header.OfType<VesselField>().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return records.Skip(1).Select(record =>
        {
            var fields = new VesselFields();
            for (var i = 0; i < header.Count && i < record.Cells.Count; i++)
            {
                header[i]?.Set(fields, Exports.CsvExport.Unguard(record.Cells[i]));
            }
            var problem = record.Cells.Count > header.Count ? $"열이 {record.Cells.Count}개로 머리글({header.Count}개)보다 많습니다." : null;
            return new ImportRow(record.Line, fields, present, problem);
        }).ToList();
    }
}
