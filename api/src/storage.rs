//! The one interface to uploaded files' bytes. A local directory by default; any
//! `object_store` backend (S3-compatible storage) fits behind it, so nodes that share
//! a bucket share files. The database keeps the record of each file; this keeps only
//! the bytes, under generated keys.

use std::path::Path;
use std::sync::Arc;

use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

#[derive(Clone, Debug)]
pub struct FileStorage {
    store: Arc<dyn ObjectStore>,
}

impl FileStorage {
    /// Files under `dir`, created if missing.
    pub fn local(dir: &Path) -> anyhow::Result<FileStorage> {
        std::fs::create_dir_all(dir)?;
        Ok(FileStorage {
            store: Arc::new(LocalFileSystem::new_with_prefix(dir)?),
        })
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.store
            .put(&ObjectPath::from(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> anyhow::Result<Vec<u8>> {
        let bytes = self
            .store
            .get(&ObjectPath::from(key))
            .await?
            .bytes()
            .await?;
        Ok(bytes.to_vec())
    }

    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        Ok(self.store.delete(&ObjectPath::from(key)).await?)
    }
}
