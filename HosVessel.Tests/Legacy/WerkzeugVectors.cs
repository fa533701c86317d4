namespace HosVessel.Tests.Legacy;

/// <summary>
/// Werkzeug hashes made once with Python's hashlib (pbkdf2_hmac sha256; scrypt n=32768 r=8 p=1 dklen=64),
/// each with the password that produced it.
/// </summary>
public static class WerkzeugVectors
{
    public const string Pbkdf2260kPassword = "Legacy-Admin-260k!";
    public const string Pbkdf2260kHash =
        "pbkdf2:sha256:260000$Xq3vB9tLmN2pR7sK$bc4974154a19aaf4fcd21176c2be4fcaf5b1800487c65e88eabb472d42d24b26";

    public const string Pbkdf2600kPassword = "뷰어-비밀번호-600k";
    public const string Pbkdf2600kHash =
        "pbkdf2:sha256:600000$aZ8cD4eF6gH1jK3L$50864145cb53910cb820ed969fff6c10d54621814448e3d6227555bac99c679f";

    public const string ScryptViewerPassword = "Scrypt-Viewer#1";
    public const string ScryptViewerHash =
        "scrypt:32768:8:1$Qw7Er9Ty1Ui3Op5A$e58f2a08c28fba3830144ab9347df46fda03f53e8c9c7efd93049ce664bd8320" +
        "fbc20b0429a934d8c8aa0bbefff4fedf35ba491231d833f8c1f8fa2f8efffa73";

    public const string ScryptAdminPassword = "Scrypt-Admin 2";
    public const string ScryptAdminHash =
        "scrypt:32768:8:1$Mn4Bv6Cx8Zl0Kj2H$ace0043db7ee730a5caa8377f4b01a0b929d873310302fd2dd6348539b8fec7d" +
        "ea154e22fd302dabe87f635daba30021e7efe567c2e41dea1b966d1f36f5f6f1";
}
