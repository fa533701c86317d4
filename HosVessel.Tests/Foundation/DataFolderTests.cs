using HosVessel.Web.Data;

namespace HosVessel.Tests.Foundation;

public sealed class DataFolderTests
{
    [Fact]
    public void Missing_folder_outside_development_names_the_path_and_the_fix()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"hosvessel-missing-{Guid.NewGuid():N}");
        var error = Assert.Throws<DataFolderException>(() =>
            DataFolder.EnsureUsable(Path.Combine(missing, "hosvessel.db"), createIfMissing: false));
        Assert.Contains(missing, error.Message);
        Assert.Contains("chown 1654:1654", error.Message);
    }

    [Fact]
    public void Missing_folder_in_development_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hosvessel-dev-{Guid.NewGuid():N}");
        try
        {
            DataFolder.EnsureUsable(Path.Combine(folder, "hosvessel.db"), createIfMissing: true);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
