namespace HosVessel.AppHost.Publishing;

/// <summary>The files under <c>Publishing/Templates/</c>, embedded like the app's SQL migrations.</summary>
public static class EmbeddedTemplate
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedTemplate).Assembly.GetManifestResourceStream($"Templates.{fileName}")
            ?? throw new InvalidOperationException($"The template {fileName} is not embedded in the AppHost.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Fills each <c>{{NAME}}</c> slot; a slot left unfilled is a bug in the writer, not a file to ship.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> slots)
    {
        foreach (var (name, value) in slots)
        {
            template = template.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        }
        var left = System.Text.RegularExpressions.Regex.Match(template, @"\{\{[A-Z_]+\}\}");
        return left.Success ? throw new InvalidOperationException($"Template slot {left.Value} has no value.") : template;
    }
}
