-- CreateTable
CREATE TABLE "ClusterState" (
    "name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterState_pkey" PRIMARY KEY ("name")
);
