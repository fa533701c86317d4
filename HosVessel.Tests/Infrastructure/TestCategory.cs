namespace HosVessel.Tests.Infrastructure;

/// <summary>
/// <c>dotnet test --filter "Category!=Slow"</c> runs the in-process suite; <see cref="Slow"/> marks the tests
/// that start a browser, Caddy, a validator, the AppHost or a child process (and kill it).
/// </summary>
public static class TestCategory
{
    public const string Name = "Category";
    public const string Slow = "Slow";
}
