using Xunit.Abstractions;
using Xunit.Sdk;

namespace HosVessel.Tests.Deployment.Engine;

/// <summary>
/// Runs a class's tests in name order. The engine tests share one image: the test that prunes images
/// (DEPLOY.md's update step) is named to run last, so the others reuse the build it was given.
/// </summary>
public sealed class AlphabeticalOrderer : ITestCaseOrderer
{
    public const string TypeName = "HosVessel.Tests.Deployment.Engine.AlphabeticalOrderer";
    public const string AssemblyName = "HosVessel.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
