-- CreateTable
CREATE TABLE "ClusterState" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
