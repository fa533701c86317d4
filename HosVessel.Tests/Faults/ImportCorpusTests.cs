using System.Text;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Cli;

namespace HosVessel.Tests.Faults;

public sealed class ImportCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private static readonly IReadOnlyList<CorpusCase> All = CorpusCase.Load("import",
    [
        new(CorpusCase.GeneratedPrefix + "missing-file.json", 1, null, "not found|exist|없|file|파일", () => throw new FileNotFoundException()),
        new(CorpusCase.GeneratedPrefix + "10mb-name.json", 1, null, "name|선박명|너무 큽니다|too large", () => Encoding.UTF8.GetBytes(
            $$"""[{"name":"{{new string('N', 10 * 1024 * 1024)}}","imo_no":"9074729","ship_code":"CRP1","ship_type":"CNTR","size":"24K","flag":"KOR","ro":"KR","class":"KR","tic":"CT1","crew":"CM1"}]""")),
    ]);

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_import_file_fails_with_a_message_naming_the_problem_and_changes_nothing(string name)
    {
        var corpusCase = All.Single(c => c.Name == name);
        using var folder = new TempDataDirectory();
        var path = corpusCase.FilePath("import");
        if (name.StartsWith(CorpusCase.GeneratedPrefix))
        {
            path = Path.Combine(folder.Path, name[CorpusCase.GeneratedPrefix.Length..]);
            if (!name.Contains("missing-file"))
            {
                await File.WriteAllBytesAsync(path, corpusCase.Body());
            }
        }
        var before = await StoredData.FingerprintAsync(fixture.App.DatabasePath);
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CliCommands.InvokeAsync(fixture.App.Services, ["import-vessels", path], output, error);

        // The file name alone must not count as naming the problem.
        var printed = $"{output}\n{error}".Replace(path, "<file>", StringComparison.Ordinal);
        Assert.True(exitCode != 0, $"{name}: the import should fail but exited 0: {CorpusCase.Shorten(printed)}");
        corpusCase.AssertMessageNamesTheProblem(printed);
        Assert.Equal(before, await StoredData.FingerprintAsync(fixture.App.DatabasePath));
        await fixture.AssertHealthyAsync();
    }
}
